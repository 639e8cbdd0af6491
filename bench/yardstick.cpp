// The yardstick: the cost of the libraries and the bytes alone. For each
// project it writes the same three files jixiao writes — report.md,
// report.html through cmark-gfm, 评分表.xlsx through libxlsxwriter — from
// pre-built text (the Markdown and a dump of the workbook's cells), with
// no model, no scoring and no templates.
// Usage: bench_yardstick <prebuilt dir> <out dir> <report.css>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> f;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    f.push_back(line.substr(start, tab - start));
  f.push_back(line.substr(start));
  return f;
}

void WriteFile(const fs::path& p, const std::string& s) {
  fs::path tmp = p;
  tmp += ".tmp";
  std::ofstream(tmp, std::ios::binary) << s;
  fs::rename(tmp, p);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: bench_yardstick <prebuilt dir> <out dir> <report.css>\n";
    return 2;
  }
  std::string css = Slurp(argv[3]);
  cmark_gfm_core_extensions_ensure_registered();
  size_t n = 0;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(argv[1]))
    if (fs::exists(e.path() / "cells.txt")) dirs.push_back(e.path());
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
    lxw_workbook* wb = workbook_new(tmp.c_str());
    lxw_format* cell = workbook_add_format(wb);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_text_wrap(cell);
    lxw_worksheet* ws = nullptr;
    std::istringstream cells(Slurp(dir / "cells.txt"));
    for (std::string line; std::getline(cells, line);) {
      auto f = Split(line);
      if (f[0] == "S") {
        ws = workbook_add_worksheet(wb, f[1].c_str());
        continue;
      }
      if (f[0] == "M") {
        worksheet_merge_range(ws, static_cast<lxw_row_t>(std::stoul(f[1])), static_cast<lxw_col_t>(std::stoul(f[2])),
                              static_cast<lxw_row_t>(std::stoul(f[3])), static_cast<lxw_col_t>(std::stoul(f[4])), "", cell);
        continue;
      }
      lxw_row_t r = static_cast<lxw_row_t>(std::stoul(f[1]));
      lxw_col_t c = static_cast<lxw_col_t>(std::stoul(f[2]));
      if (f[0] == "T") worksheet_write_string(ws, r, c, f[3].c_str(), cell);
      else if (f[0] == "N") worksheet_write_number(ws, r, c, std::strtod(f[3].c_str(), nullptr), cell);
      else worksheet_write_formula_num(ws, r, c, ("=" + f[4]).c_str(), cell, std::strtod(f[3].c_str(), nullptr));
    }
    workbook_close(wb);
    fs::rename(tmp, xlsx);
    ++n;
  }
  std::cout << n << " projects written\n";
  return 0;
}
