// The yardstick: the cost of the libraries and the bytes alone. For each
// project it writes the same three files jixiao writes — report.md,
// report.html through cmark-gfm, 评分表.xlsx through libxlsxwriter — from
// pre-built text (the Markdown, and cells.txt: jixiao's workbook dumped by
// bench/dump_cells.cpp, which describes the lines), with no model, no
// scoring and no templates. The workbook is replayed call by call: its
// formats (made once per workbook), cells, merges, column widths, row
// heights, page setup, properties and chart.
// Usage: bench_yardstick <prebuilt dir> <out dir> <report.css> [--scratch DIR]
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Splits the line at `p` into NUL-terminated fields, in place, undoing
// \\ \t \n \r; returns the next line. No allocation: the dump's parsing is
// not what the yardstick measures.
char* SplitLine(char* p, char* end, std::vector<char*>& f) {
  f.assign(1, p);
  char* out = p;
  for (; p < end && *p != '\n'; ++p) {
    if (*p == '\t') {
      *out++ = '\0';
      f.push_back(out);
    } else if (*p == '\\' && p + 1 < end) {
      ++p;
      *out++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
    } else {
      *out++ = *p;
    }
  }
  *out = '\0';
  return p < end ? p + 1 : end;
}

// Calls fn(key, value) for each key=value field after the tag.
template <typename Fn>
void ForPairs(const std::vector<char*>& f, Fn fn) {
  for (size_t i = 1; i < f.size(); ++i) {
    char* eq = std::strchr(f[i], '=');
    if (!eq) continue;
    *eq = '\0';
    fn(std::string_view(f[i]), eq + 1);
  }
}

// "0.4,0.4,0.5,0.6" → up to four numbers.
struct Numbers {
  double n[4] = {};
  explicit Numbers(const char* p) {
    for (int i = 0; i < 4; ++i) {
      char* end = nullptr;
      n[i] = std::strtod(p, &end);
      if (*end != ',') break;
      p = end + 1;
    }
  }
  double operator[](int i) const { return n[i]; }
};

void WriteFile(const fs::path& p, const std::string& s) {
  fs::path tmp = p;
  tmp += ".tmp";
  std::ofstream(tmp, std::ios::binary) << s;
  fs::rename(tmp, p);
}

void Check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(lxw_strerror(e));
}

// An X line as format calls. Numbering it at once keeps styles.xml in the
// dump's order, which is jixiao's (libxlsxwriter numbers a format when a
// cell first uses it).
lxw_format* Format(lxw_workbook* wb, const std::vector<char*>& f) {
  lxw_format* fm = workbook_add_format(wb);
  ForPairs(f, [&](std::string_view k, const char* v) {
    uint8_t n = static_cast<uint8_t>(std::atoi(v));
    lxw_color_t rgb = static_cast<lxw_color_t>(std::strtoul(v, nullptr, 16));
    if (k == "font") format_set_font_name(fm, v);
    else if (k == "size") format_set_font_size(fm, std::strtod(v, nullptr));
    else if (k == "bold") format_set_bold(fm);
    else if (k == "italic") format_set_italic(fm);
    else if (k == "underline") format_set_underline(fm, n);
    else if (k == "strike") format_set_font_strikeout(fm);
    else if (k == "script") format_set_font_script(fm, n);
    else if (k == "color") format_set_font_color(fm, rgb);
    else if (k == "family") format_set_font_family(fm, n);
    else if (k == "charset") format_set_font_charset(fm, n);
    else if (k == "scheme") format_set_font_scheme(fm, v);
    else if (k == "num") format_set_num_format(fm, v);
    else if (k == "num_index") format_set_num_format_index(fm, n);
    else if (k == "pattern") format_set_pattern(fm, n);
    else if (k == "fg") format_set_fg_color(fm, rgb);
    else if (k == "bg") format_set_bg_color(fm, rgb);
    else if (k == "border") format_set_border(fm, n);
    else if (k == "border_color") format_set_border_color(fm, rgb);
    else if (k == "left") format_set_left(fm, n);
    else if (k == "right") format_set_right(fm, n);
    else if (k == "top") format_set_top(fm, n);
    else if (k == "bottom") format_set_bottom(fm, n);
    else if (k == "left_color") format_set_left_color(fm, rgb);
    else if (k == "right_color") format_set_right_color(fm, rgb);
    else if (k == "top_color") format_set_top_color(fm, rgb);
    else if (k == "bottom_color") format_set_bottom_color(fm, rgb);
    else if (k == "diag_type") format_set_diag_type(fm, n);
    else if (k == "diag") format_set_diag_border(fm, n);
    else if (k == "diag_color") format_set_diag_color(fm, rgb);
    else if (k == "align" || k == "valign") format_set_align(fm, n);
    else if (k == "wrap") format_set_text_wrap(fm);
    else if (k == "indent") format_set_indent(fm, n);
    else if (k == "rotation") format_set_rotation(fm, static_cast<int16_t>(std::atoi(v)));
    else if (k == "shrink") format_set_shrink(fm);
    else if (k == "unlocked") format_set_unlocked(fm);
    else if (k == "hidden") format_set_hidden(fm);
  });
  lxw_format_get_xf_index(fm);
  return fm;
}

void Properties(lxw_workbook* wb, const std::vector<char*>& f) {
  lxw_doc_properties props = {};
  ForPairs(f, [&](std::string_view k, char* v) {
    if (k == "title") props.title = v;
    else if (k == "subject") props.subject = v;
    else if (k == "author") props.author = v;
    else if (k == "manager") props.manager = v;
    else if (k == "company") props.company = v;
    else if (k == "category") props.category = v;
    else if (k == "keywords") props.keywords = v;
    else if (k == "comments") props.comments = v;
    else if (k == "status") props.status = v;
    else if (k == "hyperlink_base") props.hyperlink_base = v;
    else if (k == "created") props.created = static_cast<time_t>(std::atoll(v));
  });
  Check(workbook_set_properties(wb, &props));
}

void Setup(lxw_worksheet* ws, const std::vector<char*>& f) {
  const char *header = nullptr, *footer = nullptr;
  lxw_header_footer_options header_opt = {}, footer_opt = {};
  header_opt.margin = footer_opt.margin = 0.3;
  ForPairs(f, [&](std::string_view k, const char* v) {
    Numbers n(v);
    auto row = [&](int i) { return static_cast<lxw_row_t>(n[i]); };
    auto col = [&](int i) { return static_cast<lxw_col_t>(n[i]); };
    if (k == "hidden") worksheet_hide(ws);
    else if (k == "freeze") worksheet_freeze_panes(ws, row(0), col(1));
    else if (k == "autofilter") Check(worksheet_autofilter(ws, row(0), col(1), row(2), col(3)));
    else if (k == "landscape") n[0] ? worksheet_set_landscape(ws) : worksheet_set_portrait(ws);
    else if (k == "paper") worksheet_set_paper(ws, static_cast<uint8_t>(n[0]));
    else if (k == "scale") worksheet_set_print_scale(ws, static_cast<uint16_t>(n[0]));
    else if (k == "fit") worksheet_fit_to_pages(ws, static_cast<uint16_t>(n[0]), static_cast<uint16_t>(n[1]));
    else if (k == "start_page") worksheet_set_start_page(ws, static_cast<uint16_t>(n[0]));
    else if (k == "across") worksheet_print_across(ws);
    else if (k == "hcenter") worksheet_center_horizontally(ws);
    else if (k == "vcenter") worksheet_center_vertically(ws);
    else if (k == "print_gridlines") worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
    else if (k == "headings") worksheet_print_row_col_headers(ws);
    else if (k == "margins") worksheet_set_margins(ws, n[0], n[1], n[2], n[3]);
    else if (k == "header_margin") header_opt.margin = n[0];
    else if (k == "footer_margin") footer_opt.margin = n[0];
    else if (k == "header") header = v;
    else if (k == "footer") footer = v;
    else if (k == "repeat_rows") Check(worksheet_repeat_rows(ws, row(0), row(1)));
    else if (k == "repeat_cols") Check(worksheet_repeat_columns(ws, col(0), col(1)));
    else if (k == "print_area") Check(worksheet_print_area(ws, row(0), col(1), row(2), col(3)));
  });
  if (header) Check(worksheet_set_header_opt(ws, header, &header_opt));
  if (footer) Check(worksheet_set_footer_opt(ws, footer, &footer_opt));
}

lxw_chart* Chart(lxw_workbook* wb, const std::vector<char*>& f) {
  lxw_chart* chart = nullptr;
  lxw_chart_font font = {};
  bool has_font = false;
  ForPairs(f, [&](std::string_view k, char* v) {
    double d = std::strtod(v, nullptr);
    if (k == "type") {  // the first key
      chart = workbook_add_chart(wb, static_cast<uint8_t>(d));
      return;
    }
    lxw_chart_axis* axis = k[0] == 'x' ? chart->x_axis : chart->y_axis;
    std::string_view a = k.size() > 2 && k[1] == '_' ? k.substr(2) : std::string_view();
    if (k == "title") chart_title_set_name(chart, v);
    else if (k == "title_ref") chart_title_set_name(chart, ("=" + std::string(v)).c_str());
    else if (k == "title_off") chart_title_off(chart);
    else if (k == "title_font") font.name = v, has_font = true;
    else if (k == "title_size") font.size = d, has_font = true;
    else if (k == "title_bold") font.bold = d ? LXW_TRUE : LXW_EXPLICIT_FALSE, has_font = true;
    else if (k == "title_italic") font.italic = d ? LXW_TRUE : LXW_FALSE, has_font = true;
    else if (k == "title_color") font.color = static_cast<lxw_color_t>(std::strtoul(v, nullptr, 16)), has_font = true;
    else if (k == "legend") chart_legend_set_position(chart, static_cast<uint8_t>(d));
    else if (a == "min") chart_axis_set_min(axis, d);
    else if (a == "max") chart_axis_set_max(axis, d);
    else if (a == "major") chart_axis_set_major_unit(axis, d);
    else if (a == "minor") chart_axis_set_minor_unit(axis, d);
    else if (a == "num") chart_axis_set_num_format(axis, v);
    else if (a == "name") chart_axis_set_name(axis, v);
    else if (a == "grid") chart_axis_major_gridlines_set_visible(axis, static_cast<uint8_t>(d));
  });
  if (has_font) chart_title_set_name_font(chart, &font);
  return chart;
}

void Series(lxw_chart* chart, const std::vector<char*>& f) {
  std::string cat, val;  // as formulas, "=" first
  lxw_chart_series* s = nullptr;
  uint8_t show[3] = {0, 0, 0};  // series name, category, value
  ForPairs(f, [&](std::string_view k, const char* v) {
    if (k == "cat") {  // cat (if any) and val come first
      cat = "=" + std::string(v);
    } else if (k == "val") {
      val = "=" + std::string(v);
      s = chart_add_series(chart, cat.empty() ? nullptr : cat.c_str(), val.c_str());
    } else if (k == "name") {
      chart_series_set_name(s, v);
    } else if (k == "name_ref") {
      chart_series_set_name(s, ("=" + std::string(v)).c_str());
    } else if (k == "show_series" || k == "show_category" || k == "show_value") {
      show[k == "show_series" ? 0 : k == "show_category" ? 1 : 2] = 1;
    } else if (k == "labels_num") {
      chart_series_set_labels_num_format(s, v);
    } else if (k == "fill" || k == "fill_none") {
      lxw_chart_fill fill = {};
      fill.color = static_cast<lxw_color_t>(std::strtoul(v, nullptr, 16));
      fill.none = k == "fill_none";
      chart_series_set_fill(s, &fill);
    }
  });
  if (show[0] || show[1] || show[2]) {
    chart_series_set_labels(s);
    chart_series_set_labels_options(s, show[0], show[1], show[2]);
  }
}

// Replays cells.txt into a workbook at `path`.
// `scratch`: libxlsxwriter's tmpdir option, or null for its default.
void WriteWorkbook(std::string dump, const fs::path& path, const char* scratch) {
  lxw_workbook_options wopt = {};
  wopt.tmpdir = const_cast<char*>(scratch);
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &wopt);
  if (!wb) throw std::runtime_error("workbook_new " + path.string());
  std::vector<lxw_format*> xf{nullptr};  // xf 0: the default format
  lxw_worksheet* ws = nullptr;
  lxw_chart* chart = nullptr;
  std::vector<char*> f;
  for (char *p = dump.data(), *end = p + dump.size(); p < end;) {
    p = SplitLine(p, end, f);
    auto u = [&](size_t i) { return static_cast<lxw_row_t>(std::strtoul(f[i], nullptr, 10)); };
    auto c = [&](size_t i) { return static_cast<lxw_col_t>(std::strtoul(f[i], nullptr, 10)); };
    auto d = [&](size_t i) { return std::strtod(f[i], nullptr); };
    auto fmt = [&](size_t i) { return xf.at(std::strtoul(f[i], nullptr, 10)); };
    lxw_row_col_options hidden = {1, 0, 0};
    switch (f[0][0]) {
      case 'D': Properties(wb, f); break;
      case 'X': xf.push_back(Format(wb, f)); break;
      case 'S':
        ws = workbook_add_worksheet(wb, f[1]);
        if (!ws) throw std::runtime_error(std::string("worksheet ") + f[1]);
        break;
      case 'Q': Setup(ws, f); break;
      case 'W': Check(worksheet_set_column_opt(ws, c(1), c(2), d(3), fmt(4), *f[5] == '1' ? &hidden : nullptr)); break;
      case 'H': Check(worksheet_set_row_opt(ws, u(1), d(2), fmt(3), *f[4] == '1' ? &hidden : nullptr)); break;
      case 'M': Check(worksheet_merge_range(ws, u(1), c(2), u(3), c(4), "", fmt(5))); break;
      case 'B': Check(worksheet_write_blank(ws, u(1), c(2), fmt(3))); break;
      case 'T': Check(worksheet_write_string(ws, u(1), c(2), f[4], fmt(3))); break;
      case 'N': Check(worksheet_write_number(ws, u(1), c(2), d(4), fmt(3))); break;
      case 'F': Check(worksheet_write_formula_num(ws, u(1), c(2), f[5], fmt(3), d(4))); break;
      case 'G': Check(worksheet_write_formula_str(ws, u(1), c(2), f[5], fmt(3), f[4])); break;
      case 'C': chart = Chart(wb, f); break;
      case 'R': Series(chart, f); break;
      case 'I': {
        lxw_chart_options place = {};
        place.x_offset = static_cast<int32_t>(std::lround(d(3)));
        place.y_offset = static_cast<int32_t>(std::lround(d(4)));
        place.x_scale = d(5);
        place.y_scale = d(6);
        place.object_position = static_cast<uint8_t>(d(7));
        Check(worksheet_insert_chart_opt(ws, u(1), c(2), chart, &place));
        break;
      }
    }
  }
  Check(workbook_close(wb));
}

}  // namespace

int main(int argc, char** argv) {
  // --scratch DIR: libxlsxwriter's scratch files in DIR, as jixiao puts
  // them in /dev/shm; without it, the library's default (/tmp).
  const char* scratch = nullptr;
  if (argc == 6 && std::string(argv[4]) == "--scratch") {
    scratch = argv[5];
    argc = 4;
  }
  if (argc != 4) {
    std::cerr << "usage: bench_yardstick <prebuilt dir> <out dir> <report.css> [--scratch DIR]\n";
    return 2;
  }
  std::string css = Slurp(argv[3]);
  cmark_gfm_core_extensions_ensure_registered();
  size_t n = 0;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(argv[1]))
    if (fs::exists(e.path() / "cells.txt")) dirs.push_back(e.path());
  try {
    for (const auto& dir : dirs) {
      fs::path out = fs::path(argv[2]) / dir.filename();
      fs::create_directories(out);
      std::string md = Slurp(dir / "report.md");
      WriteFile(out / "report.md", md);

      int options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
      cmark_parser* parser = cmark_parser_new(options);
      for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
      cmark_parser_feed(parser, md.data(), md.size());
      cmark_node* doc = cmark_parser_finish(parser);
      char* body = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
      std::string html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>" + css +
                         "</style></head><body><main class=\"report\">" + body + "</main></body></html>";
      std::free(body);
      cmark_node_free(doc);
      cmark_parser_free(parser);
      WriteFile(out / "report.html", html);

      fs::path xlsx = out / "评分表.xlsx", tmp = out / "评分表.xlsx.tmp";
      WriteWorkbook(Slurp(dir / "cells.txt"), tmp, scratch);
      fs::rename(tmp, xlsx);
      ++n;
    }
  } catch (const std::exception& e) {
    std::cerr << "bench_yardstick: " << e.what() << "\n";
    return 1;
  }
  std::cout << n << " projects written\n";
  return 0;
}
