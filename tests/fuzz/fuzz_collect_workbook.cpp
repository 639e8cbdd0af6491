// A filled 数据采集表 (load_workbook.cpp) beside a project.yaml that names a
// bundled system: the workbook is the input, read in memory.
#include <cstdlib>
#include <map>

#include "fuzz_util.h"
#include "base/decimal.h"
#include "base/diagnostics.h"
#include "base/input_files.h"
#include "load/load.h"
#include "score/score.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // JIXIAO_FUZZ_SYSTEM: the bundled system the seeds were filled for.
  static const std::string system = [] {
    const char* s = std::getenv("JIXIAO_FUZZ_SYSTEM");
    return fuzz::SourcePath(std::string("indicators/") + (s ? s : "jiaocheng-2024") + ".yaml");
  }();
  static const std::string project = "system: \"" + system + "\"\n";
  auto files = std::make_shared<InputFiles>(
      fuzz::ScratchDir() + "/p",
      std::map<std::string, std::string>{{"project.yaml", project},
                                         {"数据采集表.xlsx", std::string(reinterpret_cast<const char*>(data), size)}});
  try {
    ScoreProject(LoadProject(files));
  } catch (const InputError&) {
  } catch (const DecimalLimitError&) {  // an error with exit 2, as CatchInputError makes it
  }
  return 0;
}
