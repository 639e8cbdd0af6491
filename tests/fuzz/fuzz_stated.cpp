// A project with `stated:` figures, loaded for review and checked: the
// path of `jixiao check project.yaml`. Input as fuzz_project.cpp's.
#include <map>

#include "fuzz_util.h"
#include "base/decimal.h"
#include "base/diagnostics.h"
#include "base/input_files.h"
#include "check/check.h"
#include "load/load.h"
#include "score/score.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [sys_path, files] = fuzz::ReadSystemAndProject(data, size);
  try {
    auto p = LoadProject(files, sys_path, nullptr, /*review=*/true);
    ScoredProject sp = ScoreProject(p);
    CheckOptions opt;
    CheckProject(sp, opt);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics().All()) RenderDiagnostic(d, Language::kChinese, files.get());
  } catch (const DecimalLimitError&) {  // an error with exit 2, as CatchInputError makes it
  }
  return 0;
}
