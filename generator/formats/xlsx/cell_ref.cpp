#include "formats/xlsx/cell_ref.h"

#include <cctype>

namespace jixiao {

std::string ColumnLetters(int col) {
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters;
}

std::string CellRef(int row, int col) { return ColumnLetters(col) + std::to_string(row + 1); }

bool ParseCellRef(std::string_view ref, int& row, int& col) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  long c = 0;
  size_t letters = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i, ++letters) {
    c = c * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (c > kSheetMaxCols) return false;
  }
  if (letters == 0) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  long r = 0;
  size_t digits = 0;
  for (; i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i])); ++i, ++digits) {
    r = r * 10 + (ref[i] - '0');
    if (r > kSheetMaxRows) return false;
  }
  if (digits == 0 || i != ref.size() || r == 0) return false;
  row = static_cast<int>(r - 1);
  col = static_cast<int>(c - 1);
  return true;
}

}  // namespace jixiao
