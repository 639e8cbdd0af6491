// A filled 项目支出绩效自评表 read from bytes, scored.
#include "fuzz_util.h"
#include "base/decimal.h"
#include "base/diagnostics.h"
#include "load/load_self_form.h"
#include "score/score.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    ScoreProject(LoadSelfFormBytes(fuzz::ScratchDir() + "/自评表.xlsx", bytes, "", false));
  } catch (const InputError&) {
  } catch (const DecimalLimitError&) {  // an error with exit 2, as CatchInputError makes it
  }
  return 0;
}
