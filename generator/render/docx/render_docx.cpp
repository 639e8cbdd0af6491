#include "render/docx/render_docx.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/messages.h"
#include "formats/xlsx/xlsx_reader.h"  // CompactLabel: text without its spaces ("目　录" is 目录)
#include "render/report_data.h"  // kMarkChar
#include "render/table_plan.h"

namespace jixiao {
namespace {

// ---- Page and type, in twips (1/20 pt) and half-points ----

// A4, with the 公文 margins of GB/T 9704 (天头 37 mm, 订口 28 mm, text 156 × 225 mm).
constexpr int kPageShort = 11906, kPageLong = 16838;
constexpr int kMarginTop = 2098, kMarginBottom = 1984, kMarginLeft = 1588, kMarginRight = 1474;
constexpr int kPortraitText = kPageShort - kMarginLeft - kMarginRight;
constexpr int kLandscapeText = kPageLong - kMarginTop - kMarginBottom;
constexpr int kBodyLine = 560;  // fixed 28 pt lines
// A table this wide goes into a landscape section of its own (an 附件1 of 8 columns).
constexpr uint16_t kLandscapeColumns = 7;
// A column's share of the table, in half-width characters, at most.
constexpr size_t kMaxColumnWidth = 36;
// A column no wider than this (权重, 得分, a code) keeps its whole width when space is short.
constexpr size_t kShortColumn = 12;
// Where Inlines ends a line; Paragraph makes each line a paragraph of the same
// style (a manual break would stretch a justified line).
const char* const kLineEnd = "\x01";

const char* const kNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// Text for XML appended to `out`: the five escapes, and characters XML 1.0
// cannot hold dropped. Bytes that need neither are copied in spans.
void AppendXml(std::string& out, const char* s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c > '>' || (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"')) continue;
    out.append(s + from, i - from);
    from = i + 1;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
    }
  }
  out.append(s + from, n - from);
}
void AppendXml(std::string& out, const std::string& s) { AppendXml(out, s.data(), s.size()); }

std::string Xml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  AppendXml(out, s);
  return out;
}

// Display width in Chinese characters' halves: CJK 2, ASCII 1.
size_t Width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w;
}


bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The last character of `s` is one a line may end a sentence with.
bool EndsSentence(const std::string& s) {
  for (const char* end : {"。", "；", "：", "！", "？", "）", ":", ";"})
    if (s.size() >= std::strlen(end) && s.compare(s.size() - std::strlen(end), std::strlen(end), end) == 0)
      return true;
  return false;
}

struct RunStyle {
  bool bold = false;
  bool italic = false;
};

// word/document.xml, written into one buffer: each paragraph, run and cell
// is appended where it stands, with no string of its own.
class DocumentWriter {
 public:
  DocumentWriter(const std::vector<DocxChart>* charts, TablePlans& plans) : charts_(charts), plans_(plans) {}
  // The charts placed, in the order they stand: chart{i+1}.xml, 图{i+1}.
  const std::vector<const DocxChart*>& Placed() const { return placed_; }
  // The tree holds what the Markdown without its layout marks would not
  // parse to: a mark inside a paragraph, a table or a code block (a mark
  // line right under a text line or a table joins it), or struck-through
  // text (the .docx's own parse has no strikethrough: 60~80分，80~90分
  // keeps its tildes).
  bool Unlike() const { return unlike_; }

  // `size_hint`: the Markdown's size; the XML is about four times as long.
  std::string Render(cmark_node* doc, size_t size_hint) {
    // Sections: the cover (up to the first level-2 heading), the body, and
    // each 附件 from its heading; a section holding a wide table is landscape.
    std::vector<std::vector<cmark_node*>> sections(1);
    bool after_toc = false;
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
      const bool heading = cmark_node_get_type(n) == CMARK_NODE_HEADING;
      const int level = heading ? cmark_node_get_heading_level(n) : 0;
      std::string text;
      if (heading && (level == 2 || level == 3)) {
        text = InlineText(n);
        if (after_toc) toc_.emplace_back(level, text);
      }
      if (level == 2) {
        const std::string compact = CompactLabel(text);
        if (compact == "目录" || compact == "目錄") after_toc = true;
        if ((sections.size() == 1 || StartsWith(compact, "附件")) && !sections.back().empty()) sections.emplace_back();
      }
      sections.back().push_back(n);
    }
    out_ = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document ") + kNs + "><w:body>";
    out_.reserve(size_hint * 4 + 4096);
    for (size_t i = 0; i < sections.size(); ++i) {
      bool landscape = false;
      for (cmark_node* n : sections[i])
        if (IsTable(n) && cmark_gfm_extensions_get_table_columns(n) >= kLandscapeColumns) landscape = true;
      landscape_ = landscape;
      cover_ = i == 0 && sections.size() > 1;
      for (cmark_node* n : sections[i]) Block(n);
      const bool last = i + 1 == sections.size();
      if (!last) out_ += "<w:p><w:pPr>";
      SectionProperties(i, landscape);
      if (!last) out_ += "</w:pPr></w:p>";
    }
    out_ += "</w:body></w:document>";
    return std::move(out_);
  }

 private:
  // A layout mark alone in its paragraph (render/report_data.h: kMarkChar + name + kMarkChar).
  static bool IsMark(const std::string& text) {
    const size_t n = std::strlen(kMarkChar);
    return text.size() > 2 * n && text.compare(0, n, kMarkChar) == 0 && text.compare(text.size() - n, n, kMarkChar) == 0;
  }

  static bool IsTable(cmark_node* n) {
    const char* t = cmark_node_get_type_string(n);
    return t && std::strcmp(t, "table") == 0;
  }

  // The cover has no footer (no page number); the body's numbers start at 1.
  void SectionProperties(size_t index, bool landscape) {
    out_ += "<w:sectPr>";
    if (index > 0) out_ += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>";
    if (landscape)
      fmt::format_to(std::back_inserter(out_),
                     "<w:pgSz w:w=\"{}\" w:h=\"{}\" w:orient=\"landscape\"/>"
                     "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"851\" "
                     "w:footer=\"992\" w:gutter=\"0\"/>",
                     kPageLong, kPageShort, kMarginLeft, kMarginBottom, kMarginRight, kMarginTop);
    else
      fmt::format_to(std::back_inserter(out_),
                     "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>"
                     "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"851\" "
                     "w:footer=\"992\" w:gutter=\"0\"/>",
                     kPageShort, kPageLong, kMarginTop, kMarginRight, kMarginBottom, kMarginLeft);
    if (index == 1) out_ += "<w:pgNumType w:start=\"1\"/>";
    out_ += "</w:sectPr>";
  }

  void Block(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: Heading(n); return;
      case CMARK_NODE_PARAGRAPH: {
        const std::string& text = TextOf(n);
        if (IsMark(text)) {
          // A chart's mark: the chart. A mark with no chart (chart:balances
          // for a project of one year) stands for nothing in the .docx.
          if (charts_)
            for (const DocxChart& c : *charts_)
              if (text == c.mark) {
                Chart(c);
                return;
              }
          return;
        }
        Paragraph(cover_ ? "Cover" : "Body", n, text);
        return;
      }
      case CMARK_NODE_LIST:
        if (skip_list_) {  // the Markdown 目录, replaced by the TOC field
          skip_list_ = false;
          return;
        }
        List(n);
        return;
      case CMARK_NODE_BLOCK_QUOTE:
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) Block(c);
        return;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK: {
        if (HasMark(Literal(n), std::strlen(Literal(n)))) unlike_ = true;
        std::istringstream lines(cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "");
        for (std::string line; std::getline(lines, line);)
          if (!line.empty() && line[0] != '<') PlainParagraph("Body", line);
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK: return;
      default:
        if (IsTable(n)) Table(n);
        return;
    }
  }

  void Heading(cmark_node* n) {
    const int level = cmark_node_get_heading_level(n);
    const std::string& text = TextOf(n);
    const std::string compact = level == 2 ? CompactLabel(text) : std::string();
    if (compact == "目录" || compact == "目錄") {
      PlainParagraph("TOCHeading", text);
      out_ += "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr>"
              "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
              "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
              "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>";
      // The field's text until Word or WPS updates it (on opening, asked by
      // settings.xml): the entries without page numbers, so a converter that
      // does not update fields still prints the contents.
      for (const auto& [level, entry] : toc_) PlainParagraph(level == 2 ? "TOC1" : "TOC2", entry);
      out_ += "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p><w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
      skip_list_ = true;
      return;
    }
    const char* style = level <= 1 ? "Title" : level == 2 ? "Heading1" : level == 3 ? "Heading2" : "Heading3";
    Paragraph(style, n, text);
  }

  void List(cmark_node* n) {
    const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    int number = ordered ? cmark_node_get_list_start(n) : 0;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      std::string marker = ordered ? std::to_string(number++) + ". " : "• ";
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
          Paragraph("ListBody", c, TextOf(c), marker);
          marker.clear();
        } else {
          Block(c);
        }
      }
    }
  }

  void Table(cmark_node* table) {
    const uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
    if (columns == 0) return;
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(table);
    // Widths by the longest text of each column, within bounds, over the text width.
    // A column is at least as wide as its header (权重 on one line) and a
    // number; long texts share what is left.
    std::vector<size_t> want(columns, 6);  // the widest cell, capped
    std::vector<long> text(columns, 0);     // all the column's text: where the words are
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
      uint16_t k = 0;
      const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
      for (cmark_node* cell = cmark_node_first_child(row); cell && k < columns; cell = cmark_node_next(cell), ++k) {
        const size_t w = Width(TextOf(cell));
        want[k] = std::max(want[k], std::min<size_t>(w + (header ? 1 : 0), kMaxColumnWidth));
        text[k] += static_cast<long>(w);
      }
    }
    // In twips at 五号 (10.5 pt: 105 twips a half-width character) with the
    // cell margins. A table that fits is widened in proportion; otherwise
    // short columns (权重, 得分) get what they need, long ones a minimum of
    // kShortColumn characters, and the rest of the width goes to the long
    // columns by how much text they hold (评分标准 more than 三级指标).
    const long total = landscape_ ? kLandscapeText : kPortraitText;
    auto twips = [](size_t w) { return static_cast<long>(w) * 105 + 220; };
    std::vector<long> need;
    long sum = 0;
    for (size_t w : want) {
      need.push_back(twips(w));
      sum += need.back();
    }
    std::vector<int> widths;
    if (sum <= total) {
      for (long n : need) widths.push_back(static_cast<int>(n * total / sum));
    } else {
      long fixed = 0, words = 0;
      for (size_t k = 0; k < want.size(); ++k) {
        fixed += want[k] <= kShortColumn ? need[k] : twips(kShortColumn);
        if (want[k] > kShortColumn) words += std::max<long>(text[k], 1);
      }
      const long spare = std::max<long>(0, total - fixed);
      for (size_t k = 0; k < want.size(); ++k)
        widths.push_back(static_cast<int>(want[k] <= kShortColumn
                                              ? need[k]
                                              : twips(kShortColumn) + spare * std::max<long>(text[k], 1) / words));
    }
    long table_width = 0;
    for (int w : widths) table_width += w;
    auto to = std::back_inserter(out_);
    fmt::format_to(to,
                   "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/>"
                   "<w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
                   table_width);
    for (int w : widths) fmt::format_to(to, "<w:gridCol w:w=\"{}\"/>", w);
    out_ += "</w:tblGrid>";
    // Merged parent cells and bold totals: render/table_plan.h, as the HTML has them.
    const TablePlan& plan = plans_.For(table);
    size_t r = 0;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row), ++r) {
      const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
      cmark_node* first = cmark_node_first_child(row);
      const bool total_row = r < plan.total.size() && plan.total[r];
      out_ += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr>";
      uint16_t k = 0;
      for (cmark_node* cell = first; cell && k < columns; cell = cmark_node_next(cell), ++k) {
        const char* jc = header ? "center" : align && align[k] == 'r' ? "right" : align && align[k] == 'c' ? "center" : "left";
        const int span = r < plan.span.size() ? plan.span[r][k] : 1;
        // A parent over several rows starts a vertical merge at the top, as 评分表.xlsx sets it.
        const char* merge = span > 1 ? "<w:vMerge w:val=\"restart\"/>" : span == 0 ? "<w:vMerge/>" : "";
        const char* valign = span > 1 ? "top" : "center";
        out_ += "<w:tc><w:tcPr><w:tcW w:w=\"";
        AppendNumber(widths[k]);
        out_ += "\" w:type=\"dxa\"/>";
        out_ += merge;
        out_ += "<w:vAlign w:val=\"";
        out_ += valign;
        out_ += "\"/></w:tcPr>";
        if (span == 0) {  // inside the merge: an empty paragraph, the text is in the cell above
          out_ += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>";
          continue;
        }
        RunStyle style;
        style.bold = header || total_row;
        ppr_ = "<w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"";
        ppr_ += jc;
        ppr_ += "\"/></w:pPr>";
        OpenParagraph();
        Inlines(cell, style);
        out_ += "</w:p></w:tc>";
      }
      for (; k < columns; ++k)
        fmt::format_to(to,
                       "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle "
                       "w:val=\"TableText\"/></w:pPr></w:p></w:tc>",
                       widths[k]);
      out_ += "</w:tr>";
    }
    out_ += "</w:tbl>";
    // A caption or paragraph after a table needs its own space.
    out_ += "<w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>";
  }

  // `text`: the node's InlineText.
  void Paragraph(const char* style, cmark_node* n, const std::string& text, const std::string& marker = "") {
    // A 表 or 图 caption is centred and stays with its table, on the same page.
    if (IsCaptionText(text)) style = "Caption";
    else if (!cover_ && IsSignature(text)) style = "Signature";
    StyleProperties(style);
    OpenParagraph();
    if (!marker.empty()) Run(marker.data(), marker.size(), RunStyle{});
    Inlines(n, RunStyle{});
    out_ += "</w:p>";
  }

  // The block that closes a report: 评价机构（盖章）, 主评人（签字）, 单位（盖章）
  // and the date, set to the right.
  static bool IsSignature(const std::string& text) {
    for (const char* lead : {"评价机构", "主评人", "单位（盖章）", "填报单位", "（盖章）"})
      if (text.compare(0, std::strlen(lead), lead) == 0) return true;
    // A date alone: 2025年12月10日, or 2025年5月 as a report's cover dates it.
    if (text.size() > 24) return false;
    const size_t year = text.find("年");
    auto ends = [&](const char* unit) {
      return text.size() >= std::strlen(unit) && text.compare(text.size() - std::strlen(unit), std::strlen(unit), unit) == 0;
    };
    return text.size() <= 24 && year == 4 && (ends("日") || ends("月")) && text[0] >= '1' && text[0] <= '2';
  }

  void AppendNumber(long v) {
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
  }

  // ppr_: a paragraph's properties of style `style`.
  void StyleProperties(const char* style) {
    ppr_ = "<w:pPr><w:pStyle w:val=\"";
    ppr_ += style;
    ppr_ += "\"/></w:pPr>";
  }

  // A paragraph with ppr_; a line end in its inlines closes it and opens
  // another with the same properties (a manual break would stretch a
  // justified line).
  void OpenParagraph() {
    out_ += "<w:p>";
    out_ += ppr_;
  }

  void PlainParagraph(const char* style, const std::string& text) {
    out_ += "<w:p><w:pPr><w:pStyle w:val=\"";
    out_ += style;
    out_ += "\"/></w:pPr>";
    Run(text.data(), text.size(), RunStyle{});
    out_ += "</w:p>";
  }

  void Run(const char* text, size_t size, const RunStyle& s) {
    out_ += "<w:r>";
    if (s.bold || s.italic) {
      out_ += "<w:rPr>";
      if (s.bold) out_ += "<w:b/><w:bCs/>";
      if (s.italic) out_ += "<w:i/><w:iCs/>";
      out_ += "</w:rPr>";
    }
    // Spaces at either end, or two together, are kept only when the run says so.
    const bool preserve = KeepsSpaces(text, size);
    out_ += preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>";
    AppendXml(out_, text, size);
    out_ += "</w:t></w:r>";
  }

  // A node's InlineText in one buffer kept from call to call: each caller is
  // done with it before the next asks.
  const std::string& TextOf(cmark_node* n) {
    text_.clear();
    AppendInlineText(text_, n);
    return text_;
  }

  // Whether a layout mark's character (U+E000, private use) is in the text:
  // its lead byte is rare, so it is looked for first.
  static bool HasMark(const char* text, size_t size) {
    const char* end = text + size;
    const size_t n = std::char_traits<char>::length(kMarkChar);
    for (const char* p = text; (p = static_cast<const char*>(std::memchr(p, kMarkChar[0], static_cast<size_t>(end - p))));
         ++p)
      if (static_cast<size_t>(end - p) >= n && std::memcmp(p, kMarkChar, n) == 0) return true;
    return false;
  }

  static bool KeepsSpaces(const char* text, size_t size) {
    if (size == 0) return false;
    if (text[0] == ' ' || text[size - 1] == ' ') return true;
    const char* end = text + size;
    for (const char* p = text; (p = static_cast<const char*>(std::memchr(p, ' ', static_cast<size_t>(end - p)))); ++p)
      if (p + 1 < end && p[1] == ' ') return true;
    return std::memchr(text, '\t', size) != nullptr;
  }

  static const char* Literal(cmark_node* n) {
    const char* s = n ? cmark_node_get_literal(n) : nullptr;
    return s ? s : "";
  }

  void Inlines(cmark_node* n, RunStyle style) {
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
          const char* text = Literal(c);
          const size_t size = std::strlen(text);
          if (HasMark(text, size)) unlike_ = true;
          Run(text, size, style);
          break;
        }
        case CMARK_NODE_SOFTBREAK: {
          // A line of its own in the source ("附件 1 …" under "八、附件", a
          // sentence ending) keeps its line; a wrapped sentence runs on.
          const char* prev = Literal(cmark_node_previous(c));
          if (EndsSentence(prev) || std::strncmp(Literal(cmark_node_next(c)), "附件", std::strlen("附件")) == 0) {
            out_ += "</w:p>";
            OpenParagraph();
          }
          break;
        }
        case CMARK_NODE_LINEBREAK:
          out_ += "</w:p>";
          OpenParagraph();
          break;
        case CMARK_NODE_STRONG: {
          RunStyle s = style;
          s.bold = true;
          Inlines(c, s);
          break;
        }
        case CMARK_NODE_EMPH: {
          RunStyle s = style;
          s.italic = true;
          Inlines(c, s);
          break;
        }
        default:  // links keep their text; raw HTML has none
          if (const char* type = cmark_node_get_type_string(c); type && std::strcmp(type, "strikethrough") == 0)
            unlike_ = true;
          Inlines(c, style);
      }
    }
  }

  // A chart in its own centred paragraph, kept with its caption below it.
  void Chart(const DocxChart& c) {
    placed_.push_back(&c);
    const size_t n = placed_.size();
    const long cx = 5400000;  // EMU: 15 cm of the 15.6 cm text width
    const long cy = c.horizontal ? 700000 + 420000 * static_cast<long>(c.categories.size()) : 3200000;
    fmt::format_to(
        std::back_inserter(out_),
        "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:r>"
        "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" "
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
        "<wp:extent cx=\"{}\" cy=\"{}\"/><wp:docPr id=\"{}\" name=\"图{}\"/>"
        "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
        "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
        "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"rIdChart{}\"/>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        cx, cy, n, n, n);
    PlainParagraph("Caption", fmt::format("图{} {}", n, c.caption));
  }

  const std::vector<DocxChart>* charts_;
  TablePlans& plans_;
  std::vector<const DocxChart*> placed_;
  std::vector<std::pair<int, std::string>> toc_;  // the headings after the 目录, level 2 and 3
  std::string out_;  // the part, as it is written
  std::string ppr_;  // the properties of the paragraph being written, repeated at each line end
  std::string text_;  // TextOf's
  bool landscape_ = false;
  bool cover_ = false;
  bool skip_list_ = false;
  bool unlike_ = false;
};

// ---- The package's other parts ----

std::string RunFonts(const char* east_asia) {
  return fmt::format("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" "
                     "w:eastAsia=\"{}\" w:hint=\"eastAsia\"/>",
                     east_asia);
}

std::string ParagraphStyle(const char* id, const char* name, const char* font, int half_points, const std::string& ppr,
                           const std::string& rpr = "", const char* based = "Normal") {
  return fmt::format("<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{}\"><w:name w:val=\"{}\"/>"
                     "<w:basedOn w:val=\"{}\"/><w:qFormat/><w:pPr>{}</w:pPr><w:rPr>{}{}<w:sz w:val=\"{}\"/>"
                     "<w:szCs w:val=\"{}\"/></w:rPr></w:style>",
                     id, name, based, ppr, RunFonts(font), rpr, half_points, half_points);
}

std::string Styles() {
  const std::string body_line = fmt::format("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/>", kBodyLine);
  const std::string indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>";
  std::string s = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles ") + kNs + ">";
  s += "<w:docDefaults><w:rPrDefault><w:rPr>" + RunFonts("仿宋") +
       "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
       "<w:pPrDefault><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>";
  s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>";
  // Title 方正小标宋简体 二号; 一、 黑体 三号; （一） 楷体 三号; 1. 仿宋 三号 bold; body 仿宋 三号.
  s += ParagraphStyle("Title", "Title", "方正小标宋简体", 44,
                      "<w:jc w:val=\"center\"/><w:spacing w:before=\"600\" w:after=\"600\" w:line=\"700\" w:lineRule=\"exact\"/>");
  s += ParagraphStyle("Cover", "封面", "仿宋", 32, "<w:jc w:val=\"center\"/>" + body_line);
  s += ParagraphStyle("Heading1", "heading 1", "黑体", 32, "<w:keepNext/>" + body_line + indent + "<w:outlineLvl w:val=\"0\"/>");
  s += ParagraphStyle("Heading2", "heading 2", "楷体", 32, "<w:keepNext/>" + body_line + indent + "<w:outlineLvl w:val=\"1\"/>");
  s += ParagraphStyle("Heading3", "heading 3", "仿宋", 32, "<w:keepNext/>" + body_line + indent + "<w:outlineLvl w:val=\"2\"/>",
                      "<w:b/><w:bCs/>");
  s += ParagraphStyle("Body", "正文", "仿宋", 32, body_line + indent);
  s += ParagraphStyle("ListBody", "列表", "仿宋", 32, body_line + indent);
  s += ParagraphStyle("TOCHeading", "TOC Heading", "黑体", 32, "<w:jc w:val=\"center\"/>" + body_line);
  s += ParagraphStyle("TOC1", "toc 1", "仿宋", 32, body_line);
  s += ParagraphStyle("TOC2", "toc 2", "仿宋", 32, body_line + "<w:ind w:leftChars=\"200\" w:left=\"640\"/>");
  s += ParagraphStyle("TableText", "表格文字", "宋体", 21, "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"300\" w:lineRule=\"auto\"/>");
  s += ParagraphStyle("Caption", "caption", "黑体", 28, "<w:keepNext/><w:jc w:val=\"center\"/>" + body_line);
  // The signature lines keep together on one page (keepNext: each with the one after it).
  s += ParagraphStyle("Signature", "署名", "仿宋", 32, "<w:keepNext/><w:jc w:val=\"right\"/>" + body_line);
  s += ParagraphStyle("AfterTable", "表后", "仿宋", 16, "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>");
  s += ParagraphStyle("Footer", "footer", "宋体", 28, "<w:jc w:val=\"center\"/>");
  s += "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"报告表格\"/><w:tblPr><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    s += fmt::format("<w:{} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", side);
  s += "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>"
       "</w:tblPr></w:style>";
  return s + "</w:styles>";
}

std::string Footer() {
  const std::string rpr = "<w:rPr>" + RunFonts("宋体") + "<w:sz w:val=\"28\"/></w:rPr>";
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr ") + kNs +
         "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
         "<w:r>" + rpr + "<w:t xml:space=\"preserve\">— </w:t></w:r>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"begin\"/></w:r>"
         "<w:r>" + rpr + "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"separate\"/></w:r>"
         "<w:r>" + rpr + "<w:t>1</w:t></w:r>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"end\"/></w:r>"
         "<w:r>" + rpr + "<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";
}

const char* const kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "</Types>";

const char* const kPackageRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

const char* const kDocumentRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
    "Target=\"settings.xml\"/>"
    "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
    "Target=\"footer1.xml\"/></Relationships>";

// A chart part: the chart's kind, its series with their figures cached
// (no embedded workbook: Word, WPS and LibreOffice draw from the cache),
// value labels, a legend below, text in 宋体.
std::string ChartXml(const DocxChart& c) {
  const std::string fmt_code = c.percent ? "0.00%" : "#,##0.00";
  std::string cats;
  for (size_t i = 0; i < c.categories.size(); ++i)
    cats += fmt::format("<c:pt idx=\"{}\"><c:v>{}</c:v></c:pt>", i, Xml(c.categories[i]));
  std::string s = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
                  "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
                  "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                  "<c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>";
  s += fmt::format("<c:barChart><c:barDir val=\"{}\"/><c:grouping val=\"{}\"/><c:varyColors val=\"0\"/>",
                   c.horizontal ? "bar" : "col", c.stacked ? "stacked" : "clustered");
  const char col = 'B';
  for (size_t k = 0; k < c.series.size(); ++k) {
    const DocxSeries& se = c.series[k];
    const char letter = static_cast<char>(col + k);
    std::string vals;
    for (size_t i = 0; i < se.values.size(); ++i)
      if (se.values[i]) vals += fmt::format("<c:pt idx=\"{}\"><c:v>{}</c:v></c:pt>", i, *se.values[i]);
    s += fmt::format(
        "<c:ser><c:idx val=\"{0}\"/><c:order val=\"{0}\"/><c:tx><c:strRef><c:f>Sheet1!${1}$1</c:f><c:strCache>"
        "<c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>{2}</c:v></c:pt></c:strCache></c:strRef></c:tx>"
        "<c:spPr><a:solidFill><a:srgbClr val=\"{3}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>"
        "<c:dLbls><c:numFmt formatCode=\"{4}\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        "<c:dLblPos val=\"{5}\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
        "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
        "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${6}</c:f><c:strCache><c:ptCount val=\"{7}\"/>{8}</c:strCache></c:strRef></c:cat>"
        "<c:val><c:numRef><c:f>Sheet1!${1}$2:${1}${6}</c:f><c:numCache><c:formatCode>{4}</c:formatCode>"
        "<c:ptCount val=\"{7}\"/>{9}</c:numCache></c:numRef></c:val></c:ser>",
        k, letter, Xml(se.name), se.color, fmt_code, c.stacked ? "inEnd" : "outEnd", c.categories.size() + 1,
        c.categories.size(), cats, vals);
  }
  s += fmt::format("<c:gapWidth val=\"{}\"/>{}<c:axId val=\"101\"/><c:axId val=\"102\"/></c:barChart>",
                   c.horizontal ? 50 : 80, c.stacked ? "<c:overlap val=\"100\"/>" : "");
  // Categories top to bottom as the report lists them (maxMin for bars across).
  s += fmt::format(
      "<c:catAx><c:axId val=\"101\"/><c:scaling><c:orientation val=\"{}\"/></c:scaling><c:delete val=\"0\"/>"
      "<c:axPos val=\"{}\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/>"
      "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/><c:crossAx val=\"102\"/><c:crosses val=\"autoZero\"/>"
      "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>",
      c.horizontal ? "maxMin" : "minMax", c.horizontal ? "l" : "b");
  std::string scaling = c.percent ? "<c:orientation val=\"minMax\"/><c:max val=\"1\"/><c:min val=\"0\"/>"
                                  : "<c:orientation val=\"minMax\"/>";
  std::string title;
  if (!c.unit.empty())
    title = "<c:title><c:tx><c:rich><a:bodyPr rot=\"-5400000\" vert=\"horz\"/><a:lstStyle/><a:p><a:r><a:t>" + Xml(c.unit) +
            "</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>";
  s += fmt::format(
      "<c:valAx><c:axId val=\"102\"/><c:scaling>{}</c:scaling><c:delete val=\"0\"/><c:axPos val=\"{}\"/>"
      "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr>"
      "</c:majorGridlines>{}<c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/>"
      "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"101\"/><c:crosses val=\"{}\"/>"
      "<c:crossBetween val=\"between\"/>{}</c:valAx>",
      scaling, c.horizontal ? "b" : "l", title, c.percent ? "0%" : "#,##0",
      // Bars listed top to bottom: the value axis at the last category, the foot of the chart.
      c.horizontal ? "max" : "autoZero", c.percent ? "<c:majorUnit val=\"0.25\"/>" : "");
  s += "</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/>"
       "<c:dispBlanksAs val=\"gap\"/></c:chart>"
       "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
       "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1050\"><a:latin typeface=\"Times New Roman\"/>"
       "<a:ea typeface=\"宋体\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr></c:chartSpace>";
  return s;
}

// updateFields: Word and WPS offer to fill the TOC (and page numbers) on opening.
std::string Settings() {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings ") + kNs +
         "><w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"420\"/>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
         "w:val=\"15\"/></w:compat></w:settings>";
}

// A styles.xml's <w:style> elements: id, name (lower case) and the element's text.
struct StyleEntry {
  std::string id, name, xml;
};

std::string AttrValue(const std::string& element, const std::string& attr) {
  size_t at = element.find(attr + "=\"");
  if (at == std::string::npos) return "";
  at += attr.size() + 2;
  size_t end = element.find('"', at);
  return end == std::string::npos ? "" : element.substr(at, end - at);
}

std::vector<StyleEntry> StyleEntries(const std::string& xml) {
  std::vector<StyleEntry> out;
  for (size_t at = xml.find("<w:style "); at != std::string::npos; at = xml.find("<w:style ", at + 1)) {
    size_t end = xml.find("</w:style>", at);
    size_t open_end = xml.find('>', at);
    if (open_end == std::string::npos) break;
    if (xml[open_end - 1] == '/') end = open_end + 1;  // <w:style …/>
    else if (end == std::string::npos) break;
    else end += std::string("</w:style>").size();
    StyleEntry e;
    e.xml = xml.substr(at, end - at);
    e.id = AttrValue(xml.substr(at, open_end - at), "w:styleId");
    size_t name = e.xml.find("<w:name ");
    if (name != std::string::npos) e.name = AttrValue(e.xml.substr(name, e.xml.find('>', name) - name), "w:val");
    for (char& c : e.name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back(std::move(e));
  }
  return out;
}

// Replaces every w:val="from" of the style references in `xml` (pStyle,
// rStyle, tblStyle, basedOn, next, link) with `to`.
void RenameStyle(std::string& xml, const std::string& from, const std::string& to) {
  for (const char* tag : {"<w:pStyle w:val=\"", "<w:rStyle w:val=\"", "<w:tblStyle w:val=\"", "<w:basedOn w:val=\"",
                          "<w:next w:val=\"", "<w:link w:val=\""}) {
    const std::string old_ref = std::string(tag) + from + "\"", new_ref = std::string(tag) + to + "\"";
    for (size_t at = xml.find(old_ref); at != std::string::npos; at = xml.find(old_ref, at + new_ref.size()))
      xml.replace(at, old_ref.size(), new_ref);
  }
}

// The reference's styles, with jixiao's style ids in `parts` renamed to the
// reference's ids of the same names, and jixiao's styles it lacks appended.
std::string MergeStyles(const std::string& reference, std::vector<std::string*> parts) {
  const auto theirs = StyleEntries(reference);
  std::string added;
  for (StyleEntry ours : StyleEntries(Styles())) {
    const StyleEntry* same = nullptr;
    for (const auto& t : theirs)
      if (!ours.name.empty() && t.name == ours.name) same = &t;
    if (same) {
      if (same->id != ours.id)
        for (std::string* p : parts) RenameStyle(*p, ours.id, same->id);
      continue;
    }
    bool id_taken = false;
    for (const auto& t : theirs) id_taken = id_taken || t.id == ours.id;
    if (id_taken) {  // another style of the reference has the id: jixiao's gets one of its own
      for (std::string* p : parts) RenameStyle(*p, ours.id, "jixiao" + ours.id);
      size_t at = ours.xml.find("w:styleId=\"" + ours.id + "\"");
      ours.xml.replace(at, ours.id.size() + 12, "w:styleId=\"jixiao" + ours.id + "\"");
    }
    added += ours.xml;
  }
  // Styles added are based on Normal: follow the reference's id for it.
  for (const auto& t : theirs)
    if (t.name == "normal" && t.id != "Normal") RenameStyle(added, "Normal", t.id);
  std::string merged = reference;
  size_t close = merged.rfind("</w:styles>");
  merged.insert(close, added);
  return merged;
}

// A part as it stands in the package: deflated (or stored, when small), with
// its CRC and sizes. The parts that are the same in every report are packed
// once (Package).
struct PackedPart {
  std::string bytes;
  bool deflated = false;
  uint32_t crc = 0;
  uint32_t size = 0;  // unpacked
};

// ISA-L's igzip deflates a whole buffer in one call (stateless): at its level
// 1 it takes about a third of libdeflate's fastest level's time, and a
// fifth of zlib's, for a file a few percent larger (docs/performance.md).
// Its working memory is one buffer a thread, kept.
uint8_t* IgzipLevelBuffer() {
  thread_local std::vector<uint8_t> buffer(ISAL_DEF_LVL1_DEFAULT);
  return buffer.data();
}

// Packs `bytes` into `out` (appended): deflated when it is a kilobyte or
// more, else stored, since deflate would save a few bytes at the cost of
// its setup; stored too when deflate would not make it smaller.
PackedPart Pack(std::string_view bytes, std::string& out) {
  PackedPart p;
  p.size = static_cast<uint32_t>(bytes.size());
  p.crc = crc32_gzip_refl(0, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  const size_t at = out.size();
  if (bytes.size() >= 1024) {
    isal_zstream z;
    isal_deflate_stateless_init(&z);
    z.level = 1;
    z.level_buf = IgzipLevelBuffer();
    z.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
    z.gzip_flag = IGZIP_DEFLATE;  // raw deflate, as a zip entry holds it
    z.end_of_stream = 1;
    z.flush = NO_FLUSH;
    out.resize(at + bytes.size());  // room for as many bytes as the part: a larger result is stored instead
    z.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uint32_t>(bytes.size());
    z.next_out = reinterpret_cast<uint8_t*>(out.data() + at);
    z.avail_out = static_cast<uint32_t>(bytes.size());
    if (isal_deflate_stateless(&z) == COMP_OK && z.avail_in == 0) {
      out.resize(at + z.total_out);
      p.deflated = true;
      return p;
    }
    out.resize(at);
  }
  out.append(bytes);
  return p;
}

PackedPart Packed(std::string_view bytes) {
  std::string out;
  PackedPart p = Pack(bytes, out);
  p.bytes = std::move(out);
  return p;
}

// The package's zip, written in one buffer: each part with its local header
// before it and its central directory entry kept for the end. Sizes and CRCs
// stand in the local headers (no data descriptors), every entry dated
// 1980-01-01 00:00 so the same report gives the same bytes; no entries for
// folders, which Word does not write either.
class PackageZip {
 public:
  explicit PackageZip(size_t reserve) { out_.reserve(reserve); }

  void Add(const std::string& name, std::string_view bytes) {
    const size_t header = out_.size();
    Header(kLocal, name, false, 0, 0, 0);  // the method is known once the part is packed
    const size_t data = out_.size();
    const PackedPart p = Pack(bytes, out_);
    if (p.deflated) SetMethod(header);
    Finished(name, header, p, out_.size() - data);
  }

  // A part packed before (the same in every report).
  void Add(const std::string& name, const PackedPart& p) {
    const size_t header = out_.size();
    Header(kLocal, name, p.deflated, 0, 0, 0);
    out_ += p.bytes;
    Finished(name, header, p, p.bytes.size());
  }

  std::string Finish() {
    const size_t directory = out_.size();
    for (const Entry& e : entries_) Header(kCentral, e.name, e.deflated, e.crc, e.packed, e.size, e.offset);
    const size_t directory_size = out_.size() - directory;
    Append32(0x06054b50);  // end of central directory
    Append16(0);           // this disk
    Append16(0);           // the directory's disk
    Append16(static_cast<uint16_t>(entries_.size()));
    Append16(static_cast<uint16_t>(entries_.size()));
    Append32(static_cast<uint32_t>(directory_size));
    Append32(static_cast<uint32_t>(directory));
    Append16(0);  // no comment
    return std::move(out_);
  }

 private:
  enum Kind { kLocal, kCentral };
  struct Entry {
    std::string name;
    bool deflated;
    uint32_t crc, packed, size, offset;
  };

  // A local header written for a stored part, made a deflated one's: the
  // version needed (offset 4) and the method (offset 8).
  void SetMethod(size_t header) {
    out_[header + 4] = 20;
    out_[header + 8] = 8;
  }

  // The local header's CRC and sizes, now known (offset 14: after signature,
  // version, flags, method, time and date), and the part's directory entry.
  void Finished(const std::string& name, size_t header, const PackedPart& p, size_t packed) {
    Put32(header + 14, p.crc);
    Put32(header + 18, static_cast<uint32_t>(packed));
    Put32(header + 22, p.size);
    entries_.push_back({name, p.deflated, p.crc, static_cast<uint32_t>(packed), p.size, static_cast<uint32_t>(header)});
  }

  void Header(Kind kind, const std::string& name, bool deflated, uint32_t crc, uint32_t packed, uint32_t size,
              uint32_t offset = 0) {
    Append32(kind == kLocal ? 0x04034b50 : 0x02014b50);
    if (kind == kCentral) Append16(20);  // made by: version 2.0, MS-DOS attributes
    Append16(deflated ? 20 : 10);        // needed: version 2.0 for deflate, 1.0 to store
    Append16(0);                         // flags
    Append16(deflated ? 8 : 0);          // deflated or stored
    Append16(0);                         // 00:00
    Append16((0 << 9) | (1 << 5) | 1);   // 1980-01-01
    Append32(crc);
    Append32(packed);
    Append32(size);
    Append16(static_cast<uint16_t>(name.size()));
    Append16(0);  // no extra field
    if (kind == kCentral) {
      Append16(0);  // no comment
      Append16(0);  // disk
      Append16(0);  // internal attributes
      Append32(0);  // external attributes
      Append32(offset);
    }
    out_ += name;
  }
  void Append16(uint16_t v) {
    out_ += static_cast<char>(v & 0xFF);
    out_ += static_cast<char>(v >> 8);
  }
  void Append32(uint32_t v) {
    Append16(static_cast<uint16_t>(v & 0xFFFF));
    Append16(static_cast<uint16_t>(v >> 16));
  }
  void Put32(size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) out_[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  }

  std::string out_;
  std::vector<Entry> entries_;
};

}  // namespace

std::string ReadReferenceStyles(const std::string& path) {
  XlsxLimits limits;
  limits.max_file_bytes = 64ull << 20;
  limits.max_entry_bytes = 8ull << 20;
  limits.max_total_bytes = 64ull << 20;
  std::string styles;
  try {
    styles = ReadPackagePart(path, "word/styles.xml", limits);
  } catch (const InputError& e) {
    const auto& all = e.diagnostics().All();
    Fail(SourceLoc{path}, "", msg::kReferenceDocxInvalid, all.empty() ? "" : all.front().message.zh);
  }
  if (styles.find("<w:styles") == std::string::npos || styles.rfind("</w:styles>") == std::string::npos)
    Fail(SourceLoc{path}, "", msg::kReferenceDocxInvalid, "word/styles.xml");
  return styles;
}

namespace {

// The package for a parsed report; with `marked`, none when the tree is
// unlike the one the Markdown without its marks gives (DocumentWriter::Unlike).
std::string Package(cmark_node* doc, size_t size_hint, const std::string* reference_styles,
                    const std::vector<DocxChart>* charts, bool marked, TablePlans& plans) {
  DocumentWriter writer(charts, plans);
  std::string document = writer.Render(doc, size_hint);
  if (marked && writer.Unlike()) return "";
  // The parts that do not change from one report to the next, made once.
  static const std::string kStyles = Styles(), kSettings = Settings(), kFooter = Footer();
  static const PackedPart kPackedStyles = Packed(kStyles), kPackedSettings = Packed(kSettings),
                          kPackedFooter = Packed(kFooter), kPackedRels = Packed(kPackageRels);
  std::string footer, styles;
  if (reference_styles) {
    footer = kFooter;
    styles = MergeStyles(*reference_styles, {&document, &footer});
  }

  // Each chart placed: its part, its content type and its relationship.
  std::string types = kContentTypes, rels = kDocumentRels;
  for (size_t i = 1; i <= writer.Placed().size(); ++i) {
    types.insert(types.rfind("</Types>"),
                 fmt::format("<Override PartName=\"/word/charts/chart{}.xml\" "
                             "ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>", i));
    rels.insert(rels.rfind("</Relationships>"),
                fmt::format("<Relationship Id=\"rIdChart{0}\" "
                            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" "
                            "Target=\"charts/chart{0}.xml\"/>", i));
  }
  // Deflated XML is about a sixth of its size.
  PackageZip zip(document.size() / 4 + 16384);
  zip.Add("[Content_Types].xml", types);
  zip.Add("_rels/.rels", kPackedRels);
  zip.Add("word/document.xml", document);
  if (reference_styles) zip.Add("word/styles.xml", styles);
  else zip.Add("word/styles.xml", kPackedStyles);
  zip.Add("word/settings.xml", kPackedSettings);
  if (reference_styles) zip.Add("word/footer1.xml", footer);
  else zip.Add("word/footer1.xml", kPackedFooter);
  zip.Add("word/_rels/document.xml.rels", rels);
  for (size_t i = 0; i < writer.Placed().size(); ++i)
    zip.Add(fmt::format("word/charts/chart{}.xml", i + 1), ChartXml(*writer.Placed()[i]));
  return zip.Finish();
}

}  // namespace

std::string RenderDocx(const std::string& markdown, const std::string* reference_styles,
                       const std::vector<DocxChart>* charts) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension("table"))
    cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  std::string bytes;
  try {
    TablePlans plans;
    bytes = Package(doc, markdown.size(), reference_styles, charts, false, plans);
  } catch (...) {
    cmark_node_free(doc);
    cmark_parser_free(parser);
    throw;
  }
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return bytes;
}

std::string RenderDocxFromMarkedTree(cmark_node* doc, size_t size_hint, const std::string* reference_styles,
                                     const std::vector<DocxChart>* charts, TablePlans* plans) {
  TablePlans own;
  return Package(doc, size_hint, reference_styles, charts, true, plans ? *plans : own);
}

}  // namespace jixiao
