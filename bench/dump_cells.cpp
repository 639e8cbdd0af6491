// Pre-builds the yardstick's input: every cell and merge of each project's
// 评分表.xlsx as plain text lines, so the yardstick can write the same
// workbook without any of jixiao's model. Untimed.
// Usage: bench_dump <reports dir>   (writes cells.txt beside each 评分表.xlsx)
#include <filesystem>
#include <fstream>
#include <iostream>

#include "xlsx_reader.h"

namespace fs = std::filesystem;

namespace {
std::string Clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bench_dump <reports dir>\n";
    return 2;
  }
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(argv[1])) {
    fs::path xlsx = e.path() / "评分表.xlsx";
    if (!fs::exists(xlsx)) continue;
    jixiao::XlsxWorkbook wb = jixiao::ReadXlsx(xlsx.string());
    std::ofstream out(e.path() / "cells.txt", std::ios::binary);
    for (const auto& sheet : wb.sheets) {
      out << "S\t" << sheet.name << "\n";
      for (const auto& [pos, cell] : sheet.cells)
        out << (cell.is_formula ? "F" : cell.is_number ? "N" : "T") << "\t" << cell.row << "\t" << cell.col << "\t"
            << Clean(cell.text) << "\t" << Clean(cell.formula) << "\n";
      for (const auto& m : sheet.merges)
        out << "M\t" << m.first_row << "\t" << m.first_col << "\t" << m.last_row << "\t" << m.last_col << "\n";
    }
    ++n;
  }
  std::cout << n << " workbooks dumped\n";
  return 0;
}
