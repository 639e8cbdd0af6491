#include "render/html_structure.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "formats/xlsx/xlsx_reader.h"  // CompactLabel: "目　录" is 目录
#include "render/table_plan.h"

namespace jixiao {
namespace {

// A table of this many body rows or fewer is kept on one page with its caption.
constexpr size_t kShortTableRows = 12;

bool IsTable(cmark_node* n) {
  const char* t = cmark_node_get_type_string(n);
  return t && std::strcmp(t, "table") == 0;
}

bool IsHeading(cmark_node* n, int level) {
  return cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == level;
}

class Structurer {
 public:
  Structurer(int options, cmark_llist* extensions, TablePlans& plans)
      : options_(options), extensions_(extensions), plans_(plans) {}

  void Run(cmark_node* doc) {
    KeepNumbersWithLabels(doc);
    std::vector<cmark_node*> blocks;
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) blocks.push_back(n);
    // Headings first: the contents link to ids given further down.
    cmark_node* toc_heading = nullptr;
    cmark_node* toc_list = nullptr;  // the Markdown's list of entries, replaced by links
    int h2 = 0, h3 = 0;
    std::vector<Entry> entries;
    std::vector<std::pair<cmark_node*, std::string>> headings;  // node, its HTML
    std::vector<std::pair<cmark_node*, cmark_node*>> tables;      // table, its caption or null
    for (size_t i = 0; i < blocks.size(); ++i) {
      cmark_node* n = blocks[i];
      if (IsTable(n)) {
        cmark_node* before = i > 0 ? blocks[i - 1] : nullptr;
        const bool captioned = before && cmark_node_get_type(before) == CMARK_NODE_PARAGRAPH &&
                               IsCaptionText(InlineText(before));
        tables.emplace_back(n, captioned ? before : nullptr);
      }
      if (!IsHeading(n, 2) && !IsHeading(n, 3)) continue;
      const int level = cmark_node_get_heading_level(n);
      std::string id = level == 2 ? fmt::format("s{}", ++h2) : fmt::format("s{}-{}", h2, ++h3);
      if (level == 2) h3 = 0;
      const std::string inner = Inlines(n);
      headings.emplace_back(n, fmt::format("<h{} id=\"{}\">{}</h{}>", level, id, inner, level));
      if (toc_heading) entries.push_back({level, id, inner});
      const std::string label = CompactLabel(InlineText(n));
      if (!toc_heading && level == 2 && (label == "目录" || label == "目錄")) {
        toc_heading = n;
        if (i + 1 < blocks.size() && cmark_node_get_type(blocks[i + 1]) == CMARK_NODE_LIST) toc_list = blocks[i + 1];
      }
    }
    if (toc_list) Replace(toc_list, Raw(Contents(entries)));
    else if (toc_heading) cmark_node_insert_after(toc_heading, Raw(Contents(entries)));
    for (const auto& [node, html] : headings) Replace(node, Raw(html));
    for (const auto& [table, caption] : tables) Table(table, caption);
  }

 private:
  struct Entry {
    int level;
    std::string id;
    std::string html;
  };

  // "见表 4-1" never breaks after 表: the space before a table's or figure's
  // number becomes a no-break space.
  static void KeepNumbersWithLabels(cmark_node* doc) {
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT) continue;
      const char* literal = cmark_node_get_literal(n);
      if (!literal) continue;
      const std::string_view text(literal);
      std::string changed;  // the text with its no-break spaces, once there is one
      size_t copied = 0;    // bytes of `text` in `changed`
      for (size_t at = text.find(' '); at != std::string_view::npos; at = text.find(' ', at + 1)) {
        const bool digit = at + 1 < text.size() && text[at + 1] >= '0' && text[at + 1] <= '9';
        if (!digit || at < 3) continue;
        const std::string_view label = text.substr(at - 3, 3);
        if (label != "\xE8\xA1\xA8" && label != "\xE5\x9B\xBE") continue;  // 表, 图
        changed.append(text.data() + copied, at - copied);
        changed += "\xC2\xA0";
        copied = at + 1;
      }
      if (copied == 0) continue;
      changed.append(text.data() + copied, text.size() - copied);
      cmark_node_set_literal(n, changed.c_str());
    }
    cmark_iter_free(it);
  }

  // A node's inlines as cmark-gfm's HTML renderer writes them. Text, code,
  // emphasis and breaks, nearly all that a report's cells and headings hold,
  // are written here, escaped as the renderer escapes them; any other inline
  // (a link, raw HTML, an extension's node) goes through cmark_render_html,
  // whose set-up costs about a thousand instructions a call.
  std::string Inlines(cmark_node* n) {
    std::string out;
    AppendInlines(out, n);
    return out;
  }
  void AppendInlines(std::string& out, cmark_node* n) {
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
          AppendRendererEscaped(out, cmark_node_get_literal(c));
          break;
        case CMARK_NODE_CODE:
          out += "<code>";
          AppendRendererEscaped(out, cmark_node_get_literal(c));
          out += "</code>";
          break;
        case CMARK_NODE_SOFTBREAK:
          out += (options_ & CMARK_OPT_HARDBREAKS) ? "<br />\n" : (options_ & CMARK_OPT_NOBREAKS) ? " " : "\n";
          break;
        case CMARK_NODE_LINEBREAK:
          out += "<br />\n";
          break;
        case CMARK_NODE_STRONG:
          out += "<strong>";
          AppendInlines(out, c);
          out += "</strong>";
          break;
        case CMARK_NODE_EMPH:
          out += "<em>";
          AppendInlines(out, c);
          out += "</em>";
          break;
        default: {
          char* html = cmark_render_html(c, options_, extensions_);
          if (html) out += html;
          std::free(html);
        }
      }
    }
  }
  // cmark-gfm's escaping of text (houdini_escape_html0, not in secure mode):
  // " & < > only.
  static void AppendRendererEscaped(std::string& out, const char* s) {
    if (!s) return;
    const char* run = s;
    for (; *s; ++s) {
      const char* with = nullptr;
      switch (*s) {
        case '"': with = "&quot;"; break;
        case '&': with = "&amp;"; break;
        case '<': with = "&lt;"; break;
        case '>': with = "&gt;"; break;
        default: continue;
      }
      out.append(run, static_cast<size_t>(s - run));
      out += with;
      run = s + 1;
    }
    out.append(run, static_cast<size_t>(s - run));
  }

  static cmark_node* Raw(const std::string& html) {
    cmark_node* n = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(n, html.c_str());
    cmark_node_set_on_exit(n, "");
    return n;
  }

  static void Replace(cmark_node* old, cmark_node* with) {
    cmark_node_insert_before(old, with);
    cmark_node_free(old);  // unlinks it
  }

  // Two levels: each 一、 (and 摘要, each 附件) with its （一） under it.
  static std::string Contents(const std::vector<Entry>& entries) {
    std::string s = "<nav class=\"toc\">\n<ul>\n";
    bool open = false;  // a nested list is open
    for (size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      if (e.level == 2) {
        if (i > 0) s += open ? "</ul></li>\n" : "</li>\n";
        open = false;
        s += fmt::format("<li class=\"toc1\"><a href=\"#{}\">{}</a>", e.id, e.html);
      } else {
        if (!open) s += i == 0 ? "<li><ul>\n" : "\n<ul>\n";
        open = true;
        s += fmt::format("<li class=\"toc2\"><a href=\"#{}\">{}</a></li>\n", e.id, e.html);
      }
    }
    if (!entries.empty()) s += open ? "</ul></li>\n" : "</li>\n";
    return s + "</ul>\n</nav>";
  }

  void Table(cmark_node* table, cmark_node* caption) {
    const uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(table);
    const TablePlan& plan = plans_.For(table);
    size_t body_rows = 0;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row))
      if (!cmark_gfm_extensions_get_table_row_is_header(row)) ++body_rows;
    std::string s = std::string("<div class=\"table-block") + (body_rows <= kShortTableRows ? " short" : "") + "\">\n";
    if (caption) {
      s += "<p class=\"caption\">";
      AppendInlines(s, caption);
      s += "</p>\n";
    }
    s += "<table>\n";
    size_t r = 0;
    bool in_body = false;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row), ++r) {
      const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
      if (header) s += "<thead>\n";
      else if (!in_body) {
        s += "<tbody>\n";
        in_body = true;
      }
      s += r < plan.total.size() && plan.total[r] ? "<tr class=\"total\">\n" : "<tr>\n";
      uint16_t k = 0;
      for (cmark_node* cell = cmark_node_first_child(row); cell && k < columns; cell = cmark_node_next(cell), ++k) {
        const int span = r < plan.span.size() ? plan.span[r][k] : 1;
        if (span == 0) continue;  // inside a merge above
        s += header ? "<th" : "<td";
        if (align && align[k] == 'r') s += " style=\"text-align: right\"";
        else if (align && align[k] == 'c') s += " style=\"text-align: center\"";
        else if (align && align[k] == 'l') s += " style=\"text-align: left\"";
        if (span > 1) s += " rowspan=\"" + std::to_string(span) + "\" class=\"merged\"";
        s += '>';
        AppendInlines(s, cell);
        s += header ? "</th>\n" : "</td>\n";
      }
      for (; k < columns; ++k) s += header ? "<th></th>\n" : "<td></td>\n";
      s += "</tr>\n";
      if (header) s += "</thead>\n";
    }
    if (in_body) s += "</tbody>\n";
    s += "</table>\n</div>";
    Replace(table, Raw(s));
    if (caption) cmark_node_free(caption);
  }

  int options_;
  cmark_llist* extensions_;
  TablePlans& plans_;
};

}  // namespace

void StructureForHtml(cmark_node* doc, int options, cmark_llist* extensions, TablePlans& plans) {
  Structurer(options, extensions, plans).Run(doc);
}

}  // namespace jixiao
