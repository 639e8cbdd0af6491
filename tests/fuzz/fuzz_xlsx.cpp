// The xlsx reader on raw bytes: zip, XML, shared strings, cells, under its limits.
#include "fuzz_util.h"
#include "base/diagnostics.h"
#include "formats/xlsx/xlsx_reader.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    XlsxWorkbook wb = ReadXlsxBytes("fuzz.xlsx", &bytes);
    for (const auto& s : wb.sheets)
      for (int r = 0; r < s.RowCount() && r < 64; ++r) s.Text(r, 0);
  } catch (const InputError&) {
  }
  return 0;
}
