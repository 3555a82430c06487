// iJw reader and writer together: struct -> XML -> XSD (from the standards directory) ->
// struct again, for every message type with all optional fields set and with none.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/bsn.h"
#include "ijw/reader.h"
#include "ijw/schema.h"
#include "ijw/writer.h"
#include "ijw/xml.h"
#include "ijw/xml_out.h"
#include "test_helpers.h"

namespace jr::ijw {
namespace {

Header header(Berichttype t, std::string afzender, std::string ontvanger) {
  Header h;
  h.type = t;
  h.afzender = std::move(afzender);
  h.ontvanger = std::move(ontvanger);
  h.identificatie = "B" + std::string(naam(t)).substr(2) + "-0001";
  h.dagtekening = Date(2026, 5, 4);
  return h;
}

Contact volledig_contact(std::string soort) {
  Contact c;
  c.soort = std::move(soort);
  c.adres = Adres{Huis{12, "A", "bis", "TO"}, "9999ZZ", "Kerkstraat", "Utrecht", "NL"};
  c.organisatie = "Stichting Voorbeeld";
  c.telefoon01 = Telefoon{"0301234567", "0031"};
  c.telefoon02 = Telefoon{"0612345678", "0031"};
  c.emailadres = "ouder@example.org";
  c.periode = OpenPeriode{Date(2026, 1, 1), Date(2026, 12, 31)};
  return c;
}

VolledigeNaam volledige_naam() {
  VolledigeNaam n;
  n.geslachtsnaam = {"Berg", "van den"};
  n.partnernaam = Achternaam{"Jansen", "de"};
  n.voornamen = "Sanne Marie";
  n.voorletters = "SM";
  n.naam_gebruik = "2";
  return n;
}

VerkorteNaam verkorte_naam() { return {{"Berg", "van den"}, "Sanne", "S"}; }

Jw301 volledige_jw301() {
  Jw301 m;
  m.header = header(Berichttype::JW301, "0344", "12345678");
  m.bsn = "999900018";
  m.geboortedatum = {Date(2012, 3, 9), "1"};
  m.geslacht = "2";
  m.naam = volledige_naam();
  m.communicatie = Communicatie{"2", "Pools"};
  m.juridische_status = "02";
  m.wettelijke_vertegenwoordiging = "07";
  m.commentaar = "Toewijzing na gezinsplan";
  Relatie r;
  r.nummer = "R1";
  r.volgorde = 1;
  r.soort = "03";
  r.geboortedatum = Geboortedatum{Date(1980, 7, 1), "2"};
  r.geslacht = "1";
  r.naam = volledige_naam();
  r.contact = volledig_contact("02");
  m.relaties.push_back(r);
  r.nummer = "R2";
  r.volgorde.reset();
  r.geboortedatum.reset();
  r.geslacht.reset();
  r.contact = Contact{"01", {}, {}, {}, {}, {}, {}};
  m.relaties.push_back(r);
  m.contactgegevens.push_back(volledig_contact("01"));
  m.contactgegevens.push_back(volledig_contact("03"));
  ToegewezenProduct t;
  t.toewijzing_nummer = 987654321;
  t.referentie_aanbieder = "REF-2026-001";
  t.product = Product{"45", "45A03"};
  t.toewijzingsdatum = Date(2026, 5, 1);
  t.toewijzingstijd = "09:15:00";
  t.ingangsdatum = Date(2026, 5, 15);
  t.einddatum = Date(2027, 5, 14);
  t.reden_wijziging = "01";
  t.omvang = Omvang{8, "04", "4"};
  t.budget = 1234567;  // cents: EUR 12.345,67
  t.commentaar = "Eerste toewijzing";
  m.producten.push_back(t);
  t.toewijzing_nummer = 0;
  t.product = Product{"54", std::nullopt};
  m.producten.push_back(t);
  return m;
}

Jw301 minimale_jw301() {
  Jw301 m;
  m.header = header(Berichttype::JW301, "0344", "12345678");
  m.bsn = "999900018";
  m.geboortedatum.datum = Date(2012, 3, 9);
  m.geslacht = "0";
  m.naam.geslachtsnaam.achternaam = "Berg";
  m.contactgegevens.push_back(Contact{"01", {}, {}, {}, {}, {}, {}});
  ToegewezenProduct t;
  t.toewijzing_nummer = 1;
  t.toewijzingsdatum = Date(2026, 5, 1);
  t.ingangsdatum = Date(2026, 5, 1);
  m.producten.push_back(t);
  return m;
}

Jw305 volledige_jw305() {
  Jw305 m;
  m.header = header(Berichttype::JW305, "12345678", "0344");
  m.bsn = "999900031";
  m.geboortedatum = {Date(2015, 12, 31), "3"};
  m.geslacht = "1";
  m.naam = verkorte_naam();
  m.producten.push_back({300201, Product{"55", "55A11"}, Date(2026, 4, 1), Date(2026, 4, 3), "1"});
  m.producten.push_back({300202, Product{"55", "55A12"}, Date(2026, 4, 1), Date(2026, 4, 15), "3"});
  return m;
}

Jw305 minimale_jw305() {
  Jw305 m;
  m.header = header(Berichttype::JW305, "12345678", "0344");
  m.bsn = "999900031";
  m.geboortedatum.datum = Date(2015, 12, 31);
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Berg";
  StartProduct s;
  s.begindatum = Date(2026, 4, 3);
  m.producten.push_back(s);
  return m;
}

Jw307 volledige_jw307() {
  Jw307 m;
  m.header = header(Berichttype::JW307, "12345678", "0344");
  m.bsn = "999900043";
  m.geboortedatum = {Date(2009, 1, 1), "1"};
  m.geslacht = "2";
  m.naam = verkorte_naam();
  m.producten.push_back({300201, Product{"55", "55A11"}, Date(2026, 4, 1), Date(2026, 4, 3), "31",
                         Date(2026, 7, 17), "1"});
  m.producten.push_back({300202, Product{"43", "43A01"}, Date(2026, 4, 1), Date(2026, 4, 15), "02",
                         Date(2026, 8, 1), "3"});
  return m;
}

Jw307 minimale_jw307() {
  Jw307 m;
  m.header = header(Berichttype::JW307, "12345678", "0344");
  m.bsn = "999900043";
  m.geboortedatum.datum = Date(2009, 1, 1);
  m.geslacht = "2";
  m.naam.geslachtsnaam.achternaam = "Berg";
  StopProduct s;
  s.begindatum = Date(2026, 4, 3);
  s.reden_beeindiging = "20";
  s.einddatum = Date(2026, 4, 30);
  m.producten.push_back(s);
  return m;
}

Jw315 volledige_jw315() {
  Jw315 m;
  m.header = header(Berichttype::JW315, "12345678", "0344");
  m.bsn = "999900055";
  m.geboortedatum = {Date(2011, 6, 30), "2"};
  m.geslacht = "1";
  m.naam = verkorte_naam();
  m.gezagsdrager_bekend = "1";
  m.commentaar = "Verzoek na verwijzing huisarts";
  AangevraagdProduct a;
  a.referentie_aanbieder = "40A12341234";
  a.beschikking_nummer = 123;
  a.product = Product{"45", "45A03"};
  a.beschikking_ingangsdatum = Date(2026, 3, 15);
  a.toewijzing_ingangsdatum = Date(2026, 4, 1);
  a.toewijzing_einddatum = Date(2027, 6, 30);
  a.omvang = Omvang{2, "16", "2"};
  a.budget = 99999999;
  a.verwijzer = Verwijzer{"02", "Huisartsenpraktijk Noord", "01234567"};
  a.raamcontract = "2";
  a.commentaar = "Graag spoedig";
  m.producten.push_back(a);
  return m;
}

Jw315 minimale_jw315() {
  Jw315 m;
  m.header = header(Berichttype::JW315, "12345678", "0344");
  m.bsn = "999900055";
  m.geboortedatum.datum = Date(2011, 6, 30);
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Berg";
  AangevraagdProduct a;
  a.referentie_aanbieder = "R";
  a.toewijzing_ingangsdatum = Date(2026, 4, 1);
  a.verwijzer.type = "01";
  m.producten.push_back(a);
  return m;
}

// Every class of a JW317: unchanged, to be changed (with Omvang and with Budget), new.
Jw317 volledige_jw317() {
  Jw317 m;
  m.header = header(Berichttype::JW317, "12345678", "0344");
  m.bsn = "999900055";
  m.referentie_aanbieder = "VOW-2026-001";
  m.reden_verzoek = "2";
  m.ongewijzigd = {300201, 300202};
  m.te_wijzigen.push_back(
      {300203, Date(2026, 5, 1), Date(2026, 12, 31), Omvang{3, "04", "2"}, std::nullopt});
  m.te_wijzigen.push_back({300204, Date(2026, 1, 1), Date(2026, 12, 31), std::nullopt, 250000});
  m.nieuw.push_back({Product{"55", "55A13"}, Date(2026, 5, 1), Date(2026, 12, 31),
                     Omvang{6, "04", "2"}, std::nullopt});
  m.nieuw.push_back({std::nullopt, Date(2026, 6, 1), std::nullopt, std::nullopt, 99});
  return m;
}

Jw317 minimale_jw317() {
  Jw317 m;
  m.header = header(Berichttype::JW317, "12345678", "0344");
  m.bsn = "999900055";
  m.referentie_aanbieder = "R";
  m.reden_verzoek = "1";
  m.te_wijzigen.push_back({1, Date(2026, 5, 1), std::nullopt, std::nullopt, std::nullopt});
  return m;
}

Jw323 volledige_jw323() {
  Jw323 m;
  m.header = header(Berichttype::JW323, "12345678", "0344");
  m.declaratie_nummer = "DN2026A01";
  m.declaratie_periode = {Date(2026, 4, 1), Date(2026, 4, 30)};
  m.declaratie_dagtekening = Date(2026, 5, 6);
  Prestatie p;
  p.referentie_nummer = "RN001";
  p.vorig_referentie_nummer = "RN000";
  p.toewijzing_nummer = 10072;
  p.product_categorie = "45";
  p.product_code = "45A03";
  p.product_periode = {Date(2026, 4, 1), Date(2026, 4, 30)};
  p.geleverd_volume = 4;
  p.eenheid = "04";
  p.product_tarief = 1250;
  p.ingediend_bedrag = {5000, "D"};
  Prestatie credit = p;
  credit.referentie_nummer = "RN002";
  credit.ingediend_bedrag = {2000, "C"};
  m.clienten.push_back({"999900067", {p, credit}});
  p.referentie_nummer = "RN003";
  p.vorig_referentie_nummer.reset();
  m.clienten.push_back({"999900079", {p}});
  m.totaal_ingediend_bedrag = {8000, "D"};
  return m;
}

Jw323 minimale_jw323() {
  Jw323 m;
  m.header = header(Berichttype::JW323, "12345678", "0344");
  m.declaratie_nummer = "D1";
  m.declaratie_periode = {Date(2026, 4, 1), Date(2026, 4, 30)};
  m.declaratie_dagtekening = Date(2026, 5, 6);
  Prestatie p;
  p.referentie_nummer = "RN1";
  p.toewijzing_nummer = 1;
  p.product_categorie = "45";
  p.product_code = "45A03";
  p.product_periode = {Date(2026, 4, 1), Date(2026, 4, 30)};
  p.geleverd_volume = 0;
  p.eenheid = "01";
  p.ingediend_bedrag = {0, "D"};
  m.clienten.push_back({"999900080", {p}});
  m.totaal_ingediend_bedrag = {0, "D"};
  return m;
}

class Codec : public ::testing::Test {
 protected:
  // Writes `m`, validates the text against the XSD of its type, reads it back.
  template <class M>
  M round_trip(const M& m, Berichttype type, std::string* xml_out = nullptr) {
    std::string xml = write_xml(m);
    if (xml_out) *xml_out = xml;
    auto doc = parse_xml(xml);
    EXPECT_TRUE(doc.ok()) << doc.status().message() << "\n" << xml;
    if (!doc.ok()) return M{};
    EXPECT_EQ(detect_berichttype(doc->get()), type);
    Findings f;
    Status st = schemas_.validate(type, doc->get(), f);
    EXPECT_TRUE(st.ok()) << st.message();
    for (const auto& x : f) ADD_FAILURE() << x.xpath << ": " << x.melding << "\n" << xml;
    auto b = lees_bericht(type, doc->get());
    EXPECT_TRUE(b.ok()) << b.status().message();
    if (!b.ok() || !std::holds_alternative<M>(*b)) return M{};
    return std::get<M>(std::move(*b));
  }

  SchemaSet schemas_{jr::testing::standaard_dir()};
};

TEST(CodecTestData, BsnsAreElfproefValidTestNumbers) {
  for (const char* bsn :
       {"999900018", "999900031", "999900043", "999900055", "999900067", "999900079", "999900080"})
    EXPECT_TRUE(bsn_elfproef(bsn)) << bsn;
}

TEST_F(Codec, Jw301VolledigRoundTrips) {
  auto m = volledige_jw301();
  EXPECT_EQ(round_trip(m, Berichttype::JW301), m);
}
TEST_F(Codec, Jw301MinimaalRoundTrips) {
  auto m = minimale_jw301();
  EXPECT_EQ(round_trip(m, Berichttype::JW301), m);
}
TEST_F(Codec, Jw305VolledigRoundTrips) {
  auto m = volledige_jw305();
  EXPECT_EQ(round_trip(m, Berichttype::JW305), m);
}
TEST_F(Codec, Jw305MinimaalRoundTrips) {
  auto m = minimale_jw305();
  EXPECT_EQ(round_trip(m, Berichttype::JW305), m);
}
TEST_F(Codec, Jw307VolledigRoundTrips) {
  auto m = volledige_jw307();
  EXPECT_EQ(round_trip(m, Berichttype::JW307), m);
}
TEST_F(Codec, Jw307MinimaalRoundTrips) {
  auto m = minimale_jw307();
  EXPECT_EQ(round_trip(m, Berichttype::JW307), m);
}
TEST_F(Codec, Jw315VolledigRoundTrips) {
  auto m = volledige_jw315();
  EXPECT_EQ(round_trip(m, Berichttype::JW315), m);
}
TEST_F(Codec, Jw315MinimaalRoundTrips) {
  auto m = minimale_jw315();
  EXPECT_EQ(round_trip(m, Berichttype::JW315), m);
}
TEST_F(Codec, Jw317VolledigRoundTrips) {
  auto m = volledige_jw317();
  EXPECT_EQ(round_trip(m, Berichttype::JW317), m);
}
TEST_F(Codec, Jw317MinimaalRoundTrips) {
  auto m = minimale_jw317();
  EXPECT_EQ(round_trip(m, Berichttype::JW317), m);
}
TEST_F(Codec, Jw323VolledigRoundTripsWithCreditInCents) {
  auto m = volledige_jw323();
  auto back = round_trip(m, Berichttype::JW323);
  EXPECT_EQ(back, m);
  ASSERT_EQ(back.clienten.size(), 2u);
  ASSERT_EQ(back.clienten[0].prestaties.size(), 2u);
  EXPECT_EQ(back.clienten[0].prestaties[1].ingediend_bedrag.signed_cents(), -2000);
}
TEST_F(Codec, Jw323MinimaalRoundTrips) {
  auto m = minimale_jw323();
  EXPECT_EQ(round_trip(m, Berichttype::JW323), m);
}

// The header's fixed values come from the type, not from Header::type.
TEST_F(Codec, BerichtCodeAndVersionFollowTheStructType) {
  auto m = minimale_jw305();
  m.header.type = Berichttype::JW301;  // wrong on purpose
  std::string xml;
  auto back = round_trip(m, Berichttype::JW305, &xml);
  EXPECT_EQ(back.header.type, Berichttype::JW305);
  EXPECT_NE(xml.find("<jw305:BerichtCode>438</jw305:BerichtCode>"), std::string::npos);
  EXPECT_NE(xml.find("<jw305:BerichtVersie>3</jw305:BerichtVersie>"), std::string::npos);
  EXPECT_NE(xml.find("<jw305:BerichtSubversie>2</jw305:BerichtSubversie>"), std::string::npos);
}

// Prefixes as the published examples use them, both declared on the root.
TEST_F(Codec, WritesPrefixesOfThePublishedExamples) {
  std::string xml = write_xml(Bericht(volledige_jw323()));
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jw323:Bericht ", 0), 0u);
  EXPECT_NE(xml.find("xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\""),
            std::string::npos);
  EXPECT_NE(xml.find("xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\""),
            std::string::npos);
  EXPECT_NE(xml.find("<ijw:TotaalBedrag>8000</ijw:TotaalBedrag>"), std::string::npos);
  EXPECT_NE(xml.find("<jw323:ProductTarief>1250</jw323:ProductTarief>"), std::string::npos);
}

TEST_F(Codec, EscapesMarkupQuotesAndKeepsNonAscii) {
  auto m = volledige_jw301();
  m.naam.geslachtsnaam.achternaam = "Öztürk";
  m.naam.voornamen = "Zoë Ségolène";
  m.commentaar = "A & B <b>\"gezin\"</b> 'samen' ]]> Ærø ëïö\r\nregel 2\tkolom";
  m.producten[0].commentaar = "a<b & c>d";
  std::string xml;
  auto back = round_trip(m, Berichttype::JW301, &xml);
  EXPECT_EQ(back, m);
  EXPECT_EQ(back.naam.geslachtsnaam.achternaam, "Öztürk");
  EXPECT_NE(xml.find("Öztürk"), std::string::npos);  // UTF-8 as is, not as character refs
  EXPECT_NE(xml.find("A &amp; B &lt;b&gt;&quot;gezin&quot;&lt;/b&gt; &apos;samen&apos; ]]&gt;"),
            std::string::npos);
  EXPECT_NE(xml.find("&#13;\nregel 2\tkolom"), std::string::npos);
}

TEST(XmlOut, ReplacesWhatXmlCannotCarry) {
  std::string out;
  append_escaped(out, std::string_view("a\x01z\x7f", 4));
  EXPECT_EQ(out, "a\xEF\xBF\xBDz\x7f");  // C0 control -> U+FFFD; DEL is allowed
  out.clear();
  append_escaped(out, "x\xC3(y");  // truncated 2-byte sequence
  EXPECT_EQ(out, "x\xEF\xBF\xBD(y");
  out.clear();
  append_escaped(out, "\xED\xA0\x80");  // UTF-16 surrogate encoded as UTF-8
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  out.clear();
  append_escaped(out, "\xF0\x9F\x98\x80 ok");  // 4-byte sequence passes
  EXPECT_EQ(out, "\xF0\x9F\x98\x80 ok");
}

TEST_F(Codec, AppendXmlReusesOneBuffer) {
  std::string buf;
  append_xml(volledige_jw305(), buf);
  const size_t first = buf.size();
  append_xml(minimale_jw305(), buf);
  EXPECT_GT(buf.size(), first);
  EXPECT_EQ(buf.substr(0, first), write_xml(volledige_jw305()));
  EXPECT_EQ(buf.substr(first), write_xml(minimale_jw305()));
}

// Every published example that is XSD-valid survives read -> write -> XSD -> read unchanged,
// so the writer's element order matches what real senders produce.
TEST_F(Codec, PublishedExamplesRoundTrip) {
  for (const char* name : {"JW301.xml", "JW305.xml", "JW307.xml", "JW323.xml"}) {
    SCOPED_TRACE(name);
    auto bytes =
        read_file_limited((jr::testing::standaard_dir() / "voorbeelden" / name).string(), 1u << 20);
    ASSERT_TRUE(bytes.ok());
    auto doc = parse_xml(*bytes);
    ASSERT_TRUE(doc.ok());
    auto type = detect_berichttype(doc->get());
    ASSERT_TRUE(type);
    auto b = lees_bericht(*type, doc->get());
    ASSERT_TRUE(b.ok()) << b.status().message();
    std::visit(
        [&](const auto& m) {
          using M = std::decay_t<decltype(m)>;
          EXPECT_EQ(round_trip<M>(m, *type), m);
        },
        *b);
  }
}

// Stronger than equal structs: the writer's text is the published example's text, apart
// from the examples' CRLF line ends, trailing blank lines and a space before '>' of the root.
TEST_F(Codec, WriterReproducesPublishedExamplesText) {
  auto normalise = [](std::string s) {
    std::string out;
    for (char ch : s)
      if (ch != '\r') out += ch;
    auto pos = out.find("schema\" >");
    if (pos != std::string::npos) out.erase(pos + 7, 1);
    while (out.size() >= 2 && out.back() == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
  };
  for (const char* name : {"JW301.xml", "JW305.xml", "JW307.xml", "JW323.xml"}) {
    SCOPED_TRACE(name);
    auto bytes =
        read_file_limited((jr::testing::standaard_dir() / "voorbeelden" / name).string(), 1u << 20);
    ASSERT_TRUE(bytes.ok());
    auto doc = parse_xml(*bytes);
    ASSERT_TRUE(doc.ok());
    auto b = lees_bericht(*detect_berichttype(doc->get()), doc->get());
    ASSERT_TRUE(b.ok()) << b.status().message();
    EXPECT_EQ(write_xml(*b), normalise(*bytes));
  }
}

// xs:integer and xs:date collapse white space and allow a sign and leading zeros; an
// XSD-valid sender may use that, and the reader must give the same values.
TEST_F(Codec, ReaderAcceptsLexicalVariantsTheXsdAllows) {
  std::string xml = write_xml(volledige_jw305());
  auto replace = [&](const std::string& from, const std::string& to) {
    auto pos = xml.find(from);
    ASSERT_NE(pos, std::string::npos) << from;
    xml.replace(pos, from.size(), to);
  };
  replace("<jw305:ToewijzingNummer>300201<", "<jw305:ToewijzingNummer> +000300201\n<");
  replace("<jw305:Begindatum>2026-04-03<", "<jw305:Begindatum>\n\t2026-04-03 <");
  replace("<ijw:Achternaam>Berg<", "<ijw:Achternaam>B<!-- opmerking -->erg<");
  auto doc = parse_xml(xml);
  ASSERT_TRUE(doc.ok());
  Findings f;
  ASSERT_TRUE(schemas_.validate(Berichttype::JW305, doc->get(), f).ok());
  ASSERT_TRUE(f.empty()) << f[0].melding;
  auto b = lees_bericht(Berichttype::JW305, doc->get());
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(std::get<Jw305>(*b), volledige_jw305());
}

// The reader is meant for XSD-valid documents, but must fail cleanly on others: a missing
// element is named, and no value (person data) appears in the message.
TEST_F(Codec, ReaderRefusesMissingElementWithoutLeakingValues) {
  std::string xml = write_xml(minimale_jw305());
  auto a = xml.find("\t\t<jw305:Geslacht>");
  auto e = xml.find('\n', a);
  xml.erase(a, e - a + 1);
  auto doc = parse_xml(xml);
  ASSERT_TRUE(doc.ok());
  auto b = lees_bericht(Berichttype::JW305, doc->get());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(b.status().message().find("Client/Geslacht"), std::string::npos)
      << b.status().message();
  EXPECT_EQ(b.status().message().find("999900031"), std::string::npos);
}

TEST_F(Codec, ReaderRefusesImpossibleDateWithoutEchoingIt) {
  std::string xml = write_xml(minimale_jw305());
  auto pos = xml.find("2015-12-31");
  ASSERT_NE(pos, std::string::npos);
  xml.replace(pos, 10, "2015-02-30");
  auto doc = parse_xml(xml);
  ASSERT_TRUE(doc.ok());
  auto b = lees_bericht(Berichttype::JW305, doc->get());
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("Geboortedatum/Datum"), std::string::npos)
      << b.status().message();
  EXPECT_EQ(b.status().message().find("2015"), std::string::npos);
}

TEST(CodecReader, HasReaderForTheSixIncomingTypesOnly) {
  for (Berichttype t : kAlleBerichttypen) {
    bool expected = t == Berichttype::JW301 || t == Berichttype::JW305 || t == Berichttype::JW307 ||
                    t == Berichttype::JW315 || t == Berichttype::JW317 || t == Berichttype::JW323;
    EXPECT_EQ(heeft_lezer(t), expected) << naam(t);
  }
  auto doc = parse_xml(write_xml(minimale_jw305()));
  ASSERT_TRUE(doc.ok());
  auto b = lees_bericht(Berichttype::JW306, doc->get());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace jr::ijw
