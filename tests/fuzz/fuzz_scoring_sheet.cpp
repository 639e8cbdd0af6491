// A submitted 评分表 (load_scoring_sheet.cpp) read from bytes in memory.
#include "fuzz_util.h"
#include "base/decimal.h"
#include "base/diagnostics.h"
#include "load/load_scoring_sheet.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    LoadScoringSheet("评分表.xlsx", ScoringSheetOptions{}, &bytes);
  } catch (const InputError&) {
  } catch (const DecimalLimitError&) {  // an error with exit 2, as CatchInputError makes it
  }
  return 0;
}
