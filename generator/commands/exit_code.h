// The exit status of every command, in one table: what a command's outcome
// means to a shell script (and to a server mapping it to a response).
#pragma once

namespace jixiao {

enum class ExitCode : int {
  kOk = 0,             // done; for check and batch: no finding is an error
  kFindings = 1,       // done, and check (or a batch's check of some project) found errors
  kInput = 2,          // bad input or usage: an input could not be read or is invalid, an argument is wrong
  kBatchFailures = 3,  // batch: some projects could not be processed (the others were)
  kInterrupted = 130,  // batch: stopped by SIGINT/SIGTERM; begun reports were finished, the rest not started
};

inline int ToInt(ExitCode c) { return static_cast<int>(c); }

}  // namespace jixiao
