#include "ijw/validator.h"

#include "ijw/reader.h"

namespace jr::ijw {

Result<std::unique_ptr<Validator>> Validator::create(const std::filesystem::path& dir,
                                                     XmlLimits limits) {
  if (!std::filesystem::is_directory(dir / "xsd"))
    return NotFound("iJw-standaard niet gevonden: " + (dir / "xsd").string() +
                    " (instelling ijw.standaard_dir)");
  auto c = Codelijsten::load(dir);
  if (!c.ok()) return c.status();
  return std::unique_ptr<Validator>(new Validator(dir, std::move(*c), limits));
}

Validator::Validator(const std::filesystem::path& dir, Codelijsten c, XmlLimits limits)
    : schemas_(dir), codelijsten_(std::move(c)), limits_(limits) {}

Validatie Validator::validate(std::string_view bytes) {
  Validatie v;
  auto doc = parse_xml(bytes, limits_);
  if (!doc.ok()) {
    v.fout = doc.status();
    return v;
  }
  v.doc = std::move(*doc);
  v.type = detect_berichttype(v.doc.get());
  if (!v.type) {
    v.fout = InvalidArgument(
        "geen iJw 3.2-bericht: het hoofdelement is geen Bericht in een iJw 3.2-namespace");
    return v;
  }
  Status st = schemas_.validate(*v.type, v.doc.get(), v.findings);
  if (!st.ok()) {
    v.fout = st;
    return v;
  }
  if (!v.findings.empty()) return v;  // rules assume an XSD-valid message
  if (heeft_lezer(*v.type)) {
    auto b = lees_bericht(*v.type, v.doc.get());
    if (!b.ok()) {
      v.findings.push_back({"XSD", "0001", "/", b.status().message()});
      return v;
    }
    v.bericht = std::move(*b);
  }
  RuleContext ctx{&codelijsten_};
  check_rules(*v.type, v.doc.get(), v.bericht ? &*v.bericht : nullptr, ctx, v.findings);
  return v;
}

}  // namespace jr::ijw
