#include "formats/xlsx/xlsx_reader.h"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Zip/SkipCallback.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipLocalFileHeader.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <set>

#include "base/messages.h"
#include "base/read_file.h"

namespace jixiao {

constexpr int kMaxRows = kSheetMaxRows;
constexpr int kMaxCols = kSheetMaxCols;

std::string ShortestNumber(const std::string& text) {
  int significant = 0;
  bool leading = true;
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (!std::isdigit(static_cast<unsigned char>(c))) continue;
    if (leading && c == '0') continue;
    leading = false;
    ++significant;
  }
  if (significant <= 15) return text;
  const char* begin = text.c_str();
  char* end = nullptr;
  double v = std::strtod(begin, &end);
  if (end != begin + text.size() || !std::isfinite(v)) return text;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return res.ec == std::errc() ? std::string(buf, res.ptr) : text;
}

const XlsxCell* XlsxSheet::At(int row, int col) const {
  auto it = cells.find({row, col});
  return it == cells.end() ? nullptr : &it->second;
}

const XlsxCell* XlsxSheet::At(std::string_view ref) const {
  int row = 0, col = 0;
  return ParseCellRef(ref, row, col) ? At(row, col) : nullptr;
}

std::string XlsxSheet::Text(int row, int col) const {
  const XlsxCell* c = At(row, col);
  return c ? c->text : std::string();
}

const MergeRange* XlsxSheet::MergeAt(int row, int col) const {
  for (const auto& m : merges)
    if (m.Contains(row, col)) return &m;
  return nullptr;
}

int XlsxSheet::RowCount() const { return cells.empty() ? 0 : cells.rbegin()->first.first + 1; }

const XlsxSheet* XlsxWorkbook::Sheet(const std::string& name) const {
  for (const auto& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

SourceLoc XlsxWorkbook::Where(const XlsxSheet& sheet, const XlsxCell& cell) const {
  return SourceLoc{path, 0, 0, sheet.name + "!" + cell.ref};
}

namespace {

bool EndsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The zip container, read under the limits. Sizes in headers are only a
// first filter: what counts is the bytes that actually come out of the
// inflater, because a zip bomb lies in its headers.
class Package {
 public:
  // `bytes`, when given, is the workbook itself and `path` only names it.
  Package(const std::string& path, const std::string* bytes, const XlsxLimits& limits)
      : path_(path), limits_(limits) {
    std::uintmax_t size = 0;
    if (bytes) {
      size = bytes->size();
      in_ = std::make_unique<std::istringstream>(*bytes, std::ios::binary);
    } else {
      // A FIFO would block the open below, a device never end.
      if (auto kind = NonRegularKind(path)) Fail(Loc(), "", msg::kNotRegularFile, *kind);
      std::error_code ec;
      size = std::filesystem::file_size(path, ec);
      auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (ec || !*file || std::filesystem::is_directory(path)) Fail(Loc(), "", msg::kCannotRead);
      in_ = std::move(file);
    }
    if (size > limits.max_file_bytes)
      Fail(Loc(), "", msg::kXlsxFileTooLarge, size, limits.max_file_bytes);
    CheckDirectory(size);
    CountingCallback counter(*this);
    try {
      archive_ = std::make_unique<Poco::Zip::ZipArchive>(*in_, counter);
    } catch (const InputError&) {
      throw;
    } catch (const Poco::Exception& e) {
      Fail(Loc(), "", msg::kXlsxNotZip, e.displayText());
    } catch (const std::exception& e) {
      Fail(Loc(), "", msg::kXlsxNotZip, e.what());
    }
    for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it)
      by_lower_name_.emplace(Lower(it->first), it->first);
  }

  SourceLoc Loc() const { return SourceLoc{path_}; }

  bool Has(const std::string& part) const { return Find(part) != archive_->headerEnd(); }

  // The names of its entries, in the archive's order.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it) names.push_back(it->first);
    return names;
  }

  std::string Read(const std::string& part) {
    auto it = Find(part);
    if (it == archive_->headerEnd()) Fail(Loc(), "", msg::kXlsxMissingPart, part);
    const Poco::Zip::ZipLocalFileHeader& header = it->second;
    if (header.getUncompressedSize() > limits_.max_entry_bytes)
      Fail(Loc(), "", msg::kXlsxEntryTooLarge, part, limits_.max_entry_bytes);
    std::string out;
    try {
      in_->clear();
      Poco::Zip::ZipInputStream zin(*in_, header, true);
      std::vector<char> buf(1 << 16);
      for (;;) {
        zin.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        auto n = static_cast<std::uint64_t>(zin.gcount());
        if (n == 0) break;
        if (out.size() + n > limits_.max_entry_bytes)
          Fail(Loc(), "", msg::kXlsxEntryTooLarge, part, limits_.max_entry_bytes);
        inflated_ += n;
        if (inflated_ > limits_.max_total_bytes)
          Fail(Loc(), "", msg::kXlsxTotalTooLarge, limits_.max_total_bytes);
        out.append(buf.data(), static_cast<size_t>(n));
      }
      if (zin.bad()) Fail(Loc(), "", msg::kXlsxDamaged, part, "read error");
      if (!zin.crcValid()) Fail(Loc(), "", msg::kXlsxDamaged, part, "CRC-32 mismatch");
    } catch (const InputError&) {
      throw;
    } catch (const Poco::Exception& e) {
      Fail(Loc(), "", msg::kXlsxDamaged, part, e.displayText());
    } catch (const std::exception& e) {
      Fail(Loc(), "", msg::kXlsxDamaged, part, e.what());
    }
    return out;
  }

 private:
  using Headers = Poco::Zip::ZipArchive::FileHeaders;

  // Counts local headers as Poco walks them, so a file with a million tiny
  // entries stops at the limit instead of after the walk.
  class CountingCallback : public Poco::Zip::ParseCallback {
   public:
    explicit CountingCallback(Package& pkg) : pkg_(pkg) {}
    bool handleZipEntry(std::istream& zip, const Poco::Zip::ZipLocalFileHeader& hdr) override {
      if (++count_ > pkg_.limits_.max_entries)
        Fail(pkg_.Loc(), "", msg::kXlsxTooManyEntries, pkg_.limits_.max_entries);
      return skip_.handleZipEntry(zip, hdr);
    }

   private:
    Package& pkg_;
    Poco::Zip::SkipCallback skip_;
    std::size_t count_ = 0;
  };

  // The end-of-central-directory record states the entry count: refuse an
  // absurd one before Poco reads any header.
  void CheckDirectory(std::uintmax_t size) {
    constexpr std::uintmax_t kRecord = 22, kMaxComment = 65535;
    if (size < kRecord) Fail(Loc(), "", msg::kXlsxNotZip, "file too short");
    std::uintmax_t tail = std::min(size, kRecord + kMaxComment);
    std::string buf(static_cast<size_t>(tail), '\0');
    in_->seekg(static_cast<std::streamoff>(size - tail));
    in_->read(buf.data(), static_cast<std::streamsize>(tail));
    if (!*in_) Fail(Loc(), "", msg::kCannotRead);
    in_->seekg(0);
    size_t at = buf.rfind("PK\x05\x06");
    if (at == std::string::npos || at + kRecord > buf.size())
      Fail(Loc(), "", msg::kXlsxNotZip, "no end-of-central-directory record");
    auto u16 = [&](size_t o) {
      return static_cast<unsigned>(static_cast<unsigned char>(buf[o])) |
             static_cast<unsigned>(static_cast<unsigned char>(buf[o + 1])) << 8;
    };
    // 0xFFFF means the count is in a zip64 record; no workbook needs that many.
    if (u16(at + 10) > limits_.max_entries)
      Fail(Loc(), "", msg::kXlsxTooManyEntries, limits_.max_entries);
    char head[4] = {};
    in_->read(head, 4);
    if (!*in_ || std::string(head, 4) != std::string("PK\x03\x04", 4))
      Fail(Loc(), "", msg::kXlsxNotZip, "no zip signature");
    in_->seekg(0);
  }

  Headers::const_iterator Find(const std::string& part) const {
    std::string name = part.size() > 1 && part[0] == '/' ? part.substr(1) : part;
    auto it = archive_->findHeader(name);
    if (it != archive_->headerEnd()) return it;
    auto alt = by_lower_name_.find(Lower(name));  // part names are case-insensitive (OPC)
    return alt == by_lower_name_.end() ? archive_->headerEnd() : archive_->findHeader(alt->second);
  }

  std::string path_;
  XlsxLimits limits_;
  std::unique_ptr<std::istream> in_;  // the file, or the bytes given
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::map<std::string, std::string> by_lower_name_;
  std::uint64_t inflated_ = 0;
};

// ---- XML ----

// The value of the attribute with this local name, whatever its prefix.
std::string Attr(const Poco::XML::Attributes& attrs, const char* local) {
  for (int i = 0; i < attrs.getLength(); ++i)
    if (attrs.getLocalName(i) == local) return attrs.getValue(i);
  return {};
}

bool HasAttr(const Poco::XML::Attributes& attrs, const char* local) {
  for (int i = 0; i < attrs.getLength(); ++i)
    if (attrs.getLocalName(i) == local) return true;
  return false;
}

// Strings in OOXML escape characters XML cannot hold as _xHHHH_
// (ECMA-376 ST_Xstring); _x005F_ escapes the underscore itself.
std::string DecodeXstring(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::all_of(s.begin() + static_cast<long>(i) + 2, s.begin() + static_cast<long>(i) + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
      unsigned cp = static_cast<unsigned>(std::stoul(s.substr(i + 2, 4), nullptr, 16));
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
      i += 7;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// A SAX handler for one part: elements by local name (SpreadsheetML
// transitional and strict differ only in namespace URIs), with the nesting
// limit and the DOCTYPE refusal every part shares.
class PartHandler : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
 public:
  PartHandler(const SourceLoc& loc, std::string part, int max_depth)
      : loc_(loc), part_(std::move(part)), max_depth_(max_depth) {}

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attrs) override {
    if (++depth_ > max_depth_) Fail(loc_, "", msg::kXlsxTooDeep, part_, max_depth_);
    Start(local, attrs);
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                  const Poco::XML::XMLString&) override {
    --depth_;
    End(local);
  }
  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    Text(ch + start, static_cast<size_t>(length));
  }

  // No workbook part needs a DTD; refusing it refuses entity bombs and
  // external entities before any entity is declared.
  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                const Poco::XML::XMLString&) override {
    Fail(loc_, "", msg::kXlsxDoctype, part_);
  }
  void endDTD() override {}
  void startEntity(const Poco::XML::XMLString&) override {}
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}

  const SourceLoc& loc() const { return loc_; }
  const std::string& part() const { return part_; }

 protected:
  virtual void Start(const std::string& local, const Poco::XML::Attributes& attrs) = 0;
  virtual void End(const std::string&) {}
  virtual void Text(const char*, size_t) {}

 private:
  SourceLoc loc_;
  std::string part_;
  int max_depth_;
  int depth_ = 0;
};

void Parse(Package& pkg, const std::string& part, PartHandler& h) {
  std::string xml = pkg.Read(part);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&h);
  parser.setErrorHandler(&h);
  parser.setDTDHandler(&h);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER,
                     static_cast<Poco::XML::LexicalHandler*>(&h));
  try {
    parser.parseMemoryNP(xml.data(), xml.size());
  } catch (const InputError&) {
    throw;
  } catch (const Poco::XML::SAXParseException& e) {
    Fail(h.loc(), "", msg::kXlsxXml, part,
         fmt::format("{} (line {}, column {})", e.message(), e.getLineNumber(),
                     e.getColumnNumber()));
  } catch (const Poco::Exception& e) {
    Fail(h.loc(), "", msg::kXlsxXml, part, e.displayText());
  }
}

struct Relationship {
  std::string id, type, target;
};

class RelsHandler : public PartHandler {
 public:
  using PartHandler::PartHandler;
  std::vector<Relationship> rels;

 protected:
  void Start(const std::string& local, const Poco::XML::Attributes& a) override {
    if (local != "Relationship" || Attr(a, "TargetMode") == "External") return;
    rels.push_back({Attr(a, "Id"), Attr(a, "Type"), Attr(a, "Target")});
  }
};

// "worksheets/sheet1.xml" seen from "xl/workbook.xml" is
// "xl/worksheets/sheet1.xml"; "/xl/x.xml" is from the package root.
std::string ResolveTarget(const std::string& from_part, const std::string& target) {
  std::vector<std::string> parts;
  std::string joined;
  if (!target.empty() && target[0] == '/') {
    joined = target.substr(1);
  } else {
    size_t slash = from_part.rfind('/');
    joined = (slash == std::string::npos ? "" : from_part.substr(0, slash + 1)) + target;
  }
  size_t i = 0;
  while (i <= joined.size()) {
    size_t j = joined.find('/', i);
    if (j == std::string::npos) j = joined.size();
    std::string seg = joined.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string RelsPartFor(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + base + ".rels";
}

std::vector<Relationship> ReadRels(Package& pkg, const std::string& rels_part,
                                   const XlsxLimits& limits) {
  RelsHandler h(pkg.Loc(), rels_part, limits.max_depth);
  Parse(pkg, rels_part, h);
  return h.rels;
}

const Relationship* FindRel(const std::vector<Relationship>& rels, std::string_view type_tail) {
  for (const auto& r : rels)
    if (EndsWith(r.type, type_tail)) return &r;
  return nullptr;
}

class WorkbookHandler : public PartHandler {
 public:
  using PartHandler::PartHandler;
  struct Entry {
    std::string name, rel_id;
  };
  std::vector<Entry> sheets;

 protected:
  void Start(const std::string& local, const Poco::XML::Attributes& a) override {
    if (local == "sheet") sheets.push_back({Attr(a, "name"), Attr(a, "id")});
  }
};

class SharedStringsHandler : public PartHandler {
 public:
  SharedStringsHandler(const SourceLoc& loc, std::string part, const XlsxLimits& limits)
      : PartHandler(loc, std::move(part), limits.max_depth), limits_(limits) {}
  std::vector<std::string> strings;

 protected:
  void Start(const std::string& local, const Poco::XML::Attributes&) override {
    if (local == "si") {
      in_si_ = true;
      current_.clear();
    } else if (local == "rPh") {
      in_phonetic_ = true;  // furigana over the text, not part of it
    } else if (local == "t" && in_si_ && !in_phonetic_) {
      in_t_ = true;
    }
  }
  void End(const std::string& local) override {
    if (local == "si") {
      if (strings.size() >= limits_.max_cells)
        Fail(loc(), "", msg::kXlsxTooManyCells, limits_.max_cells);
      strings.push_back(DecodeXstring(current_));
      in_si_ = false;
    } else if (local == "rPh") {
      in_phonetic_ = false;
    } else if (local == "t") {
      in_t_ = false;
    }
  }
  void Text(const char* s, size_t n) override {
    if (in_t_) current_.append(s, n);
  }

 private:
  const XlsxLimits& limits_;
  bool in_si_ = false, in_t_ = false, in_phonetic_ = false;
  std::string current_;
};

// Built-in number formats that show a date or time: 14–22 everywhere,
// 27–36 and 50–58 in Chinese, Japanese and Korean locales (年月日, 时分).
bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// A custom format is a date when, outside quoted text, escapes and
// [colour]/[$-804] sections, it has a y, m or d code (or an elapsed-time [h]).
bool IsDateFormatCode(const std::string& code) {
  bool date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      if (end == std::string::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      size_t end = code.find(']', i + 1);
      if (end == std::string::npos) break;
      std::string inside = Lower(code.substr(i + 1, end - i - 1));
      if (!inside.empty() && inside.find_first_not_of("hms") == std::string::npos) date = true;
      i = end;
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l == 'y' || l == 'm' || l == 'd') date = true;
    }
  }
  return date;
}

// A format shows a percent when its first section has a % outside quoted
// text and escapes: built-in 9 (0%) and 10 (0.00%), or a custom "0.0%".
bool IsPercentFormatCode(const std::string& code) {
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      if (end == std::string::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == ';') {
      break;
    } else if (c == '%') {
      return true;
    }
  }
  return false;
}

class StylesHandler : public PartHandler {
 public:
  using PartHandler::PartHandler;
  std::vector<bool> xf_is_date;
  std::vector<bool> xf_is_percent;
  std::vector<XlsxFont> xf_fonts;

 protected:
  void Start(const std::string& local, const Poco::XML::Attributes& a) override {
    if (local == "fonts") {
      in_fonts_ = true;
    } else if (local == "font" && in_fonts_) {
      if (fonts_.size() >= kMaxFonts) in_fonts_ = false;  // Excel's own limit; the rest are not kept
      else fonts_.emplace_back();
    } else if (in_fonts_ && !fonts_.empty() && local == "name") {
      fonts_.back().name = Attr(a, "val").substr(0, 64);
    } else if (in_fonts_ && !fonts_.empty() && local == "sz") {
      double sz = std::strtod(Attr(a, "val").c_str(), nullptr);
      if (sz > 0 && sz <= 409) fonts_.back().size = sz;
    } else if (in_fonts_ && !fonts_.empty() && local == "b") {
      fonts_.back().bold = Attr(a, "val") != "0" && Attr(a, "val") != "false";
    } else if (local == "numFmt") {
      int id = std::atoi(Attr(a, "numFmtId").c_str());
      custom_[id] = IsDateFormatCode(Attr(a, "formatCode"));
      custom_percent_[id] = IsPercentFormatCode(Attr(a, "formatCode"));
    } else if (local == "cellXfs") {
      in_xfs_ = true;
    } else if (local == "xf" && in_xfs_) {
      int id = std::atoi(Attr(a, "numFmtId").c_str());
      auto it = custom_.find(id);
      xf_is_date.push_back(it != custom_.end() ? it->second : IsBuiltinDateFormat(id));
      auto pt = custom_percent_.find(id);
      xf_is_percent.push_back(pt != custom_percent_.end() ? pt->second : id == 9 || id == 10);
      long font = std::atol(Attr(a, "fontId").c_str());
      xf_fonts.push_back(font >= 0 && static_cast<size_t>(font) < fonts_.size() ? fonts_[static_cast<size_t>(font)]
                                                                                : XlsxFont{});
    }
  }
  void End(const std::string& local) override {
    if (local == "cellXfs") in_xfs_ = false;
    if (local == "fonts") in_fonts_ = false;
  }

 private:
  static constexpr size_t kMaxFonts = 65536;
  std::vector<XlsxFont> fonts_;
  bool in_fonts_ = false;
  std::map<int, bool> custom_;
  std::map<int, bool> custom_percent_;
  bool in_xfs_ = false;
};

struct Budget {
  std::size_t cells = 0;
  std::uint64_t text_bytes = 0;
};

class SheetHandler : public PartHandler {
 public:
  SheetHandler(const SourceLoc& loc, std::string part, const XlsxLimits& limits, XlsxSheet& sheet,
               const std::vector<std::string>& strings, const std::vector<bool>& xf_is_date,
               const std::vector<bool>& xf_is_percent, Budget& budget)
      : PartHandler(loc, std::move(part), limits.max_depth),
        limits_(limits),
        sheet_(sheet),
        strings_(strings),
        xf_is_date_(xf_is_date),
        xf_is_percent_(xf_is_percent),
        budget_(budget) {}

 protected:
  void Start(const std::string& local, const Poco::XML::Attributes& a) override {
    if (local == "sheetData") {
      in_data_ = true;
    } else if (local == "row" && in_data_) {
      std::string r = Attr(a, "r");
      if (r.empty()) {
        ++row_;
      } else {
        long n = r.size() <= 7 && r.find_first_not_of("0123456789") == std::string::npos
                     ? std::atol(r.c_str())
                     : 0;
        if (n < 1 || n > kMaxRows) FailAt(r, msg::kXlsxBadCellRef, "row " + r);
        row_ = static_cast<int>(n - 1);
      }
      col_ = -1;
      std::string ht = Attr(a, "ht");
      if (!ht.empty() && Attr(a, "customHeight") != "0") {
        double h = std::strtod(ht.c_str(), nullptr);
        if (h > 0 && h <= 409) sheet_.row_heights[row_] = h;
      }
    } else if (local == "c" && in_data_) {
      StartCell(a);
    } else if (in_cell_) {
      if (local == "v") {
        capture_ = &value_;
        has_value_ = true;
      } else if (local == "f") {
        capture_ = &cell_.formula;
        cell_.is_formula = true;
      } else if (local == "is") {
        has_inline_ = true;
      } else if (local == "rPh") {
        in_phonetic_ = true;
      } else if (local == "t" && has_inline_ && !in_phonetic_) {
        capture_ = &inline_;
      }
    } else if (local == "mergeCell") {
      AddMerge(Attr(a, "ref"));
    } else if (local == "col" && !in_data_) {
      long first = std::atol(Attr(a, "min").c_str()), last = std::atol(Attr(a, "max").c_str());
      double width = std::strtod(Attr(a, "width").c_str(), nullptr);
      // Bounded as cells are: at most one range per column, widths Excel allows.
      if (first >= 1 && last >= first && last <= 16384 && width > 0 && width <= 255 &&
          sheet_.column_widths.size() < 16384)
        sheet_.column_widths.push_back({static_cast<int>(first - 1), static_cast<int>(last - 1), width});
    } else if (local == "pageSetup") {
      sheet_.landscape = Attr(a, "orientation") == "landscape";
    }
  }

  void End(const std::string& local) override {
    if (local == "sheetData") {
      in_data_ = false;
    } else if (local == "c" && in_cell_) {
      FinishCell();
    } else if (local == "v" || local == "f" || local == "t") {
      capture_ = nullptr;
    } else if (local == "rPh") {
      in_phonetic_ = false;
    }
  }

  void Text(const char* s, size_t n) override {
    if (capture_) capture_->append(s, n);
  }

 private:
  template <typename... Args>
  [[noreturn]] void FailAt(const std::string& ref, const MessageDef& def, const Args&... args) {
    SourceLoc at = loc();
    at.cell = sheet_.name + "!" + ref;
    Fail(at, "", def, args...);
  }

  void StartCell(const Poco::XML::Attributes& a) {
    cell_ = XlsxCell{};
    std::string r = Attr(a, "r");
    if (r.empty()) {
      cell_.row = std::max(row_, 0);
      cell_.col = col_ + 1;
      if (cell_.col >= kMaxCols) {
        std::string beyond = CellRef(cell_.row, kMaxCols - 1) + "+1";
        FailAt(beyond, msg::kXlsxBadCellRef, beyond);
      }
    } else if (!ParseCellRef(r, cell_.row, cell_.col)) {
      FailAt(r, msg::kXlsxBadCellRef, r);
    }
    row_ = cell_.row;
    col_ = cell_.col;
    cell_.ref = CellRef(cell_.row, cell_.col);
    type_ = Attr(a, "t");
    style_ = HasAttr(a, "s") ? std::atoi(Attr(a, "s").c_str()) : 0;
    cell_.style = style_ >= 0 ? style_ : 0;
    in_cell_ = true;
    has_value_ = has_inline_ = in_phonetic_ = false;
    value_.clear();
    inline_.clear();
    capture_ = nullptr;
  }

  void FinishCell() {
    in_cell_ = false;
    capture_ = nullptr;
    if (!has_value_ && !has_inline_ && !cell_.is_formula) return;  // formatting only
    if (type_ == "s") {
      std::string idx = Trim(value_);
      unsigned long n =
          idx.empty() || idx.size() > 9 || idx.find_first_not_of("0123456789") != std::string::npos
              ? strings_.size()
              : std::stoul(idx);
      if (n >= strings_.size()) {
        SourceLoc at = loc();
        at.cell = sheet_.name + "!" + cell_.ref;
        Fail(at, "", msg::kXlsxBadSharedString, value_, strings_.size());
      }
      cell_.text = strings_[n];
    } else if (type_ == "inlineStr") {
      cell_.text = DecodeXstring(has_inline_ ? inline_ : value_);
    } else if (type_ == "str") {
      cell_.text = DecodeXstring(value_);
    } else if (type_ == "b") {
      std::string v = Trim(value_);
      cell_.text = v == "1" ? "TRUE" : v == "0" ? "FALSE" : v;
    } else if (type_ == "e") {
      cell_.text = value_;
    } else if (type_ == "d") {
      cell_.text = Trim(value_);
      cell_.is_date = true;
    } else {
      cell_.text = Trim(value_);
      cell_.is_number = !cell_.text.empty();
      cell_.is_date = cell_.is_number && style_ >= 0 &&
                      static_cast<size_t>(style_) < xf_is_date_.size() &&
                      xf_is_date_[static_cast<size_t>(style_)];
      cell_.is_percent = cell_.is_number && style_ >= 0 &&
                         static_cast<size_t>(style_) < xf_is_percent_.size() &&
                         xf_is_percent_[static_cast<size_t>(style_)];
    }
    if (++budget_.cells > limits_.max_cells)
      FailAt(CellRef(cell_.row, cell_.col), msg::kXlsxTooManyCells, limits_.max_cells);
    budget_.text_bytes += cell_.text.size() + cell_.formula.size();
    if (budget_.text_bytes > limits_.max_text_bytes)
      FailAt(CellRef(cell_.row, cell_.col), msg::kXlsxTooMuchText, limits_.max_text_bytes);
    auto key = std::make_pair(cell_.row, cell_.col);
    sheet_.cells[key] = std::move(cell_);
  }

  void AddMerge(const std::string& ref) {
    MergeRange m;
    size_t colon = ref.find(':');
    std::string first = ref.substr(0, colon);
    std::string last = colon == std::string::npos ? first : ref.substr(colon + 1);
    if (!ParseCellRef(first, m.first_row, m.first_col) ||
        !ParseCellRef(last, m.last_row, m.last_col))
      FailAt(ref, msg::kXlsxBadCellRef, ref);
    if (m.first_row > m.last_row) std::swap(m.first_row, m.last_row);
    if (m.first_col > m.last_col) std::swap(m.first_col, m.last_col);
    m.ref = CellRef(m.first_row, m.first_col) + ":" + CellRef(m.last_row, m.last_col);
    if (sheet_.merges.size() >= limits_.max_cells)
      FailAt(m.ref, msg::kXlsxTooManyCells, limits_.max_cells);
    sheet_.merges.push_back(std::move(m));
  }

  static std::string Trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
  }

  const XlsxLimits& limits_;
  XlsxSheet& sheet_;
  const std::vector<std::string>& strings_;
  const std::vector<bool>& xf_is_date_;
  const std::vector<bool>& xf_is_percent_;
  Budget& budget_;

  bool in_data_ = false, in_cell_ = false, in_phonetic_ = false;
  bool has_value_ = false, has_inline_ = false;
  int row_ = -1, col_ = -1;
  XlsxCell cell_;
  std::string type_;
  int style_ = 0;
  std::string value_, inline_;
  std::string* capture_ = nullptr;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> ReadZipEntries(const std::string& path, const std::string& bytes,
                                                                const XlsxLimits& limits) {
  Package pkg(path, &bytes, limits);
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& name : pkg.Names()) {
    if (name.empty() || name.back() == '/') continue;
    entries.emplace_back(name, pkg.Read(name));
  }
  return entries;
}

XlsxWorkbook ReadXlsx(const std::string& path, const XlsxLimits& limits) {
  return ReadXlsxBytes(path, nullptr, limits);
}

XlsxWorkbook ReadXlsxBytes(const std::string& path, const std::string* bytes, const XlsxLimits& limits) {
  Package pkg(path, bytes, limits);
  XlsxWorkbook wb;
  wb.path = path;

  std::string workbook_part = "xl/workbook.xml";
  if (pkg.Has("_rels/.rels")) {
    auto root = ReadRels(pkg, "_rels/.rels", limits);
    if (const Relationship* r = FindRel(root, "/officeDocument"))
      workbook_part = ResolveTarget("", r->target);
  }
  WorkbookHandler book(pkg.Loc(), workbook_part, limits.max_depth);
  Parse(pkg, workbook_part, book);

  auto rels = ReadRels(pkg, RelsPartFor(workbook_part), limits);
  std::vector<std::string> strings;
  if (const Relationship* r = FindRel(rels, "/sharedStrings")) {
    SharedStringsHandler h(pkg.Loc(), ResolveTarget(workbook_part, r->target), limits);
    Parse(pkg, h.part(), h);
    strings = std::move(h.strings);
  }
  std::vector<bool> xf_is_date, xf_is_percent;
  if (const Relationship* r = FindRel(rels, "/styles")) {
    StylesHandler h(pkg.Loc(), ResolveTarget(workbook_part, r->target), limits.max_depth);
    Parse(pkg, h.part(), h);
    xf_is_date = std::move(h.xf_is_date);
    xf_is_percent = std::move(h.xf_is_percent);
    wb.style_fonts = std::move(h.xf_fonts);
  }

  Budget budget;
  for (const auto& entry : book.sheets) {
    auto rel = std::find_if(rels.begin(), rels.end(),
                            [&](const Relationship& r) { return r.id == entry.rel_id; });
    if (rel == rels.end()) Fail(pkg.Loc(), "", msg::kXlsxMissingPart, entry.name);
    if (!EndsWith(rel->type, "/worksheet")) continue;  // chart and dialog sheets hold no cells
    XlsxSheet sheet;
    sheet.name = entry.name;
    // The sheet's name in every error of its part, the limits' included.
    SourceLoc sheet_loc = pkg.Loc();
    sheet_loc.cell = entry.name;
    SheetHandler h(sheet_loc, ResolveTarget(workbook_part, rel->target), limits, sheet, strings,
                   xf_is_date, xf_is_percent, budget);
    Parse(pkg, h.part(), h);
    wb.sheets.push_back(std::move(sheet));
  }
  return wb;
}

std::string CompactLabel(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  size_t from = 0;  // the bytes kept since the last space are copied at once
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t space = 0;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') space = 1;
    else if (c == 0xE3 && s.compare(i, 3, "\xE3\x80\x80") == 0) space = 3;  // ideographic space
    if (space == 0) {
      ++i;
      continue;
    }
    out.append(s, from, i - from);
    i += space;
    from = i;
  }
  out.append(s, from, std::string::npos);
  return out;
}

std::string ReadPackagePart(const std::string& path, const std::string& part, const XlsxLimits& limits) {
  Package package(path, nullptr, limits);
  return package.Read(part);
}

}  // namespace jixiao
