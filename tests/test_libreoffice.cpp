// The LibreOffice helper the workbook tests share (libreoffice.h): a start
// that fails is tried again, and a LibreOffice that never converts is
// reported as a failure, not taken for a converted file.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "libreoffice.h"
#include "test_util.h"

using jixiao::testing::ConvertWithLibreOffice;
using jixiao::testing::TempDir;

namespace {

// Puts a stand-in `libreoffice` first on PATH for the life of the object.
class FakeLibreOffice {
 public:
  FakeLibreOffice(const TempDir& dir, const std::string& script) : old_path_(std::getenv("PATH")) {
    std::string bin = dir.path() + "/bin";
    std::filesystem::create_directories(bin);
    std::string exe = dir.Write("bin/libreoffice", "#!/bin/sh\n" + script);
    std::filesystem::permissions(exe, std::filesystem::perms::owner_all);
    setenv("PATH", (bin + ":" + old_path_).c_str(), 1);
  }
  ~FakeLibreOffice() { setenv("PATH", old_path_.c_str(), 1); }

 private:
  std::string old_path_;
};

// The stand-in converts by copying: its last two arguments are the
// --outdir folder and the input, as ConvertWithLibreOffice passes them.
const char* kCopy = R"(for a; do prev2="$prev"; prev="$a"; done
case "$*" in *--convert-to*) mkdir -p "$prev2" && cp "$prev" "$prev2/" ;; esac
)";

}  // namespace

TEST_CASE("ConvertWithLibreOffice tries again when LibreOffice's first start fails") {
  TempDir dir;
  std::string input = dir.Write("in/book.xlsx", "bytes");
  // Fails its first conversion, as a first start on a fresh machine did.
  FakeLibreOffice fake(dir, "marker='" + dir.path() + "/started'\n"
                            "case \"$*\" in *--convert-to*) if [ ! -e \"$marker\" ]; then touch \"$marker\"; "
                            "echo 'first start' >&2; exit 1; fi ;; esac\n" + kCopy);
  std::string out = ConvertWithLibreOffice(input, dir.path() + "/out", dir.path());
  CHECK(out == dir.path() + "/out/book.xlsx");
  CHECK(std::filesystem::exists(dir.path() + "/started"));
}

TEST_CASE("ConvertWithLibreOffice gives up after three failed conversions") {
  TempDir dir;
  std::string input = dir.Write("in/book.xlsx", "bytes");
  FakeLibreOffice fake(dir, "exit 1\n");
  CHECK(ConvertWithLibreOffice(input, dir.path() + "/out", dir.path()).empty());
}

TEST_CASE("ConvertWithLibreOffice does not take a zero exit without a file for a conversion") {
  TempDir dir;
  std::string input = dir.Write("in/book.xlsx", "bytes");
  FakeLibreOffice fake(dir, "exit 0\n");
  CHECK(ConvertWithLibreOffice(input, dir.path() + "/out", dir.path()).empty());
}
