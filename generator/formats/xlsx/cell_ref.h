// Cell references: (row, column) in, "D7" out, and back. Shared by the
// workbook reader (xlsx_reader.h) and the writers (xlsx_writer.h), so a
// writer need not include the reader to name a cell in a formula.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

// Excel's grid: 1048576 rows × 16384 columns.
inline constexpr int kSheetMaxRows = 1048576;
inline constexpr int kSheetMaxCols = 16384;

// "D7" ↔ (6, 3), 0-based. ParseCellRef accepts "$D$7" and rejects
// anything outside Excel's grid.
std::string CellRef(int row, int col);
bool ParseCellRef(std::string_view ref, int& row, int& col);

// "D" for column 3.
std::string ColumnLetters(int col);

}  // namespace jixiao
