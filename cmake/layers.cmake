# One static library per src/ folder, linked and included only along the arrows of
# src/layers.txt, so that an #include of a folder one may not call fails to compile.
#
# A library's include path is not src/ but a view of it made of symbolic links under
# ${CMAKE_BINARY_DIR}/layers/ (remade on every configure):
#   FOLDER/all/  FOLDER's headers, FOLDER -> all/, and Y -> ../Y/pub for each folder Y that
#                FOLDER may call: the library compiles with -I FOLDER/all and sees nothing else;
#   FOLDER/pub/  the same without FOLDER's private headers and with FOLDER -> pub/: what
#                the folders that call FOLDER see of it.
# A header is looked up first in the directory it was opened from, so a header of Y opened as
# X/all/Y/h.h finds the folders Y may call (X/all/Y is Y/pub) while X itself does not.
# An allowance (`allow FILE INCLUDE`) adds, for that one source file, a directory
# allow/<file>/Y/ that holds just the allowed header (and the folders it needs).
#
# Sets JR_FOLDERS (the folders with a library, in the order of layers.txt) and makes jr_FOLDER
# for each; the caller adds sources that are generated, definitions and external libraries.

set(JR_LAYERS_FILE ${CMAKE_SOURCE_DIR}/src/layers.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${JR_LAYERS_FILE})
set(JR_LAYERS_DIR ${CMAKE_BINARY_DIR}/layers)

# Reading the table.
set(_declared)
set(_allows)
file(STRINGS ${JR_LAYERS_FILE} _lines)
foreach(_line IN LISTS _lines)
  string(REGEX REPLACE "#.*$" "" _line "${_line}")
  string(STRIP "${_line}" _line)
  if(_line STREQUAL "")
    continue()
  endif()
  string(REGEX REPLACE "[ \t]+" ";" _words "${_line}")
  list(POP_FRONT _words _kind)
  if(_kind STREQUAL "folder")
    list(POP_FRONT _words _name)
    list(APPEND _declared ${_name})
    set(_wanted_${_name} ${_words})
  elseif(_kind STREQUAL "private")
    list(POP_FRONT _words _name)
    list(APPEND _private_${_name} ${_words})
  elseif(_kind STREQUAL "allow")
    list(LENGTH _words _n)
    if(NOT _n EQUAL 2)
      message(FATAL_ERROR "src/layers.txt: 'allow' takes a file and an include: ${_line}")
    endif()
    list(JOIN _words "|" _allow)
    list(APPEND _allows ${_allow})
  elseif(NOT _kind STREQUAL "system")  # system headers: only scripts/check-layers.sh
    message(FATAL_ERROR "src/layers.txt: unknown line: ${_line}")
  endif()
endforeach()

# What each folder may call: `*` is every other folder, `-x` takes x out, domain always.
foreach(_f IN LISTS _declared)
  set(_calls)
  foreach(_w IN LISTS _wanted_${_f})
    if(_w STREQUAL "*")
      list(APPEND _calls ${_declared})
    elseif(_w MATCHES "^-(.*)$")
      list(REMOVE_ITEM _calls ${CMAKE_MATCH_1})
    elseif(_w IN_LIST _declared)
      list(APPEND _calls ${_w})
    else()
      message(FATAL_ERROR "src/layers.txt: folder ${_f} calls ${_w}, which has no 'folder' line")
    endif()
  endforeach()
  if(NOT _f STREQUAL "domain")
    list(APPEND _calls domain)
  endif()
  list(REMOVE_ITEM _calls ${_f})
  list(REMOVE_DUPLICATES _calls)
  set(JR_CALLS_${_f} ${_calls})
endforeach()

# Links in DIR: the given entries of src/FOLDER, FOLDER -> SELF, and the folders FOLDER calls.
function(_jr_layer_view dir folder self entries)
  file(MAKE_DIRECTORY ${dir})
  foreach(_e IN LISTS entries)
    get_filename_component(_parent ${dir}/${_e} DIRECTORY)
    file(MAKE_DIRECTORY ${_parent})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${folder}/${_e} ${dir}/${_e} SYMBOLIC)
  endforeach()
  file(CREATE_LINK ${self} ${dir}/${folder} SYMBOLIC)
  foreach(_y IN LISTS JR_CALLS_${folder})
    if(EXISTS ${dir}/${_y})
      message(FATAL_ERROR "src/${folder}/${_y} has the name of the folder ${_y}/")
    endif()
    file(CREATE_LINK ${JR_LAYERS_DIR}/${_y}/pub ${dir}/${_y} SYMBOLIC)
  endforeach()
endfunction()

file(REMOVE_RECURSE ${JR_LAYERS_DIR})
# The folders of src/ as a configure dependency: a declared folder that appears (casework)
# gets its library at the next build without a manual cmake.
file(GLOB _present CONFIGURE_DEPENDS LIST_DIRECTORIES true ${CMAKE_SOURCE_DIR}/src/*)
set(JR_FOLDERS)
foreach(_f IN LISTS _declared)
  set(_dir ${CMAKE_SOURCE_DIR}/src/${_f})
  if(NOT IS_DIRECTORY ${_dir})
    # Declared ahead of its code (casework, rapport): an empty view for those who call it.
    file(MAKE_DIRECTORY ${JR_LAYERS_DIR}/${_f}/pub)
    continue()
  endif()
  list(APPEND JR_FOLDERS ${_f})
  # Headers and subfolders; a private glob matches names at the folder's top level.
  file(GLOB _entries CONFIGURE_DEPENDS LIST_DIRECTORIES true RELATIVE ${_dir} ${_dir}/*)
  set(_all)
  foreach(_e IN LISTS _entries)
    if(IS_DIRECTORY ${_dir}/${_e} OR _e MATCHES "\\.(h|hpp|inc)$")
      list(APPEND _all ${_e})
    endif()
  endforeach()
  set(_pub ${_all})
  foreach(_g IN LISTS _private_${_f})
    file(GLOB _hidden LIST_DIRECTORIES true RELATIVE ${_dir} ${_dir}/${_g})
    if(_hidden)
      list(REMOVE_ITEM _pub ${_hidden})
    endif()
  endforeach()
  _jr_layer_view(${JR_LAYERS_DIR}/${_f}/all ${_f} ${JR_LAYERS_DIR}/${_f}/all "${_all}")
  _jr_layer_view(${JR_LAYERS_DIR}/${_f}/pub ${_f} ${JR_LAYERS_DIR}/${_f}/pub "${_pub}")

  file(GLOB_RECURSE _sources CONFIGURE_DEPENDS ${_dir}/*.cpp)
  list(FILTER _sources EXCLUDE REGEX "/src/cli/main\\.cpp$")  # the executable's own
  if(_sources)
    add_library(jr_${_f} STATIC ${_sources})
    target_include_directories(jr_${_f} PRIVATE ${JR_LAYERS_DIR}/${_f}/all)
    target_compile_options(jr_${_f} PRIVATE ${JR_WARNINGS})
  else()
    add_library(jr_${_f} INTERFACE)  # headers only, so far
  endif()
endforeach()

# Links along the arrows. PUBLIC carries the external libraries' include directories up (an
# ijw header includes libxml2's); ours are PRIVATE, so no folder's headers travel with it.
foreach(_f IN LISTS JR_FOLDERS)
  get_target_property(_type jr_${_f} TYPE)
  set(_scope PUBLIC)
  if(_type STREQUAL "INTERFACE_LIBRARY")
    set(_scope INTERFACE)
  endif()
  foreach(_y IN LISTS JR_CALLS_${_f})
    if(TARGET jr_${_y})
      target_link_libraries(jr_${_f} ${_scope} jr_${_y})
    endif()
  endforeach()
endforeach()

# Allowances: the one header for the one file, and the link it needs.
set(_allowed_files)
foreach(_a IN LISTS _allows)
  string(REPLACE "|" ";" _a "${_a}")
  list(GET _a 0 _file)
  list(GET _a 1 _inc)
  if(NOT EXISTS ${CMAKE_SOURCE_DIR}/${_file} OR NOT EXISTS ${CMAKE_SOURCE_DIR}/src/${_inc})
    continue()  # gone: scripts/check-layers.sh says to delete the line
  endif()
  if(NOT _file MATCHES "^src/([^/]+)/.*\\.cpp$")
    message(FATAL_ERROR "src/layers.txt: allow ${_file}: only a .cpp in src/ can have an "
                        "allowance (move the include out of the header)")
  endif()
  set(_owner ${CMAKE_MATCH_1})
  string(REGEX MATCH "^([^/]+)/(.+)$" _ "${_inc}")
  set(_y ${CMAKE_MATCH_1})
  set(_h ${CMAKE_MATCH_2})
  string(MAKE_C_IDENTIFIER ${_file} _id)
  set(_base ${JR_LAYERS_DIR}/allow/${_id})
  if(NOT EXISTS ${_base}/${_y})
    _jr_layer_view(${_base}/${_y} ${_y} ${JR_LAYERS_DIR}/${_y}/all "${_h}")
  else()
    get_filename_component(_parent ${_base}/${_y}/${_h} DIRECTORY)
    file(MAKE_DIRECTORY ${_parent})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${_inc} ${_base}/${_y}/${_h} SYMBOLIC)
  endif()
  if(NOT _file IN_LIST _allowed_files)
    list(APPEND _allowed_files ${_file})
    set_property(SOURCE ${CMAKE_SOURCE_DIR}/${_file} APPEND PROPERTY INCLUDE_DIRECTORIES ${_base})
  endif()
  if(NOT _y STREQUAL _owner AND NOT _y IN_LIST JR_CALLS_${_owner} AND TARGET jr_${_y})
    target_link_libraries(jr_${_owner} PUBLIC jr_${_y})
  endif()
endforeach()
