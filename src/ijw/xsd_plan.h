// XsdPlan: a compiled, table-driven fast path for the small XSD subset the iJw 3.2 schemas use
// (complexType = xs:sequence of local elements with minOccurs/maxOccurs; simpleType =
// restriction of xs:string, xs:integer, xs:date, xs:time or another named simple type with
// the facets enumeration, pattern, minLength, maxLength, minInclusive, maxInclusive).
//
// The plan only answers "valid" or "not sure": fast_valid() returns true only when libxml2's
// xmlSchemaValidateDoc would accept the document too; everything it does not model (any
// attribute, a comment or processing instruction inside the root, an unexpected node kind, a
// value it cannot decide exactly) gives false, and SchemaSet then asks libxml2, which stays
// the authority for every finding. An XSD construct outside the subset makes the compiler
// refuse the whole plan (the type then always goes to libxml2); it never guesses.
#pragma once

#include <libxml/tree.h>

#include <filesystem>
#include <memory>
#include <string>

#include "domain/status.h"

namespace jr::ijw {

class XsdPlan {
 public:
  ~XsdPlan();
  XsdPlan(const XsdPlan&) = delete;
  XsdPlan& operator=(const XsdPlan&) = delete;

  // Compiles the XSD file `xsd` and the schemas it imports (only files in its own directory).
  // InvalidArgument (naming the construct) when it uses anything outside the modelled subset.
  static Result<std::unique_ptr<XsdPlan>> compile(const std::filesystem::path& xsd);

  // True only when `doc` is certainly valid against the schema; false = not sure.
  // Allocates nothing in the common case. Not thread-safe (it keeps a cache of pattern
  // results): one plan per thread, like SchemaSet.
  bool valid(const xmlDoc* doc);

  // Counts of the compiled tables, for tests.
  size_t complex_types() const;
  size_t simple_types() const;

  struct Impl;  // the tables, opaque outside xsd_plan.cpp

 private:
  XsdPlan();
  std::unique_ptr<Impl> impl_;
};

}  // namespace jr::ijw
