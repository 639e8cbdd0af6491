// ReadFileBytes: whole files, empty ones, files that report no size, and
// what is not a readable file.
#include <doctest/doctest.h>

#include <string>

#include "base/read_file.h"
#include "test_util.h"

using jixiao::ReadFileBytes;

TEST_CASE("ReadFileBytes reads a file whole, byte for byte") {
  jixiao::testing::TempDir tmp;
  std::string big(200000, 'x');
  big[123456] = '\0';
  big += "尾";
  CHECK(ReadFileBytes(tmp.Write("a.md", big)) == big);
  CHECK(ReadFileBytes(tmp.Write("empty.md", "")) == std::string());
  // /proc files say their size is 0 and still have content.
  auto status = ReadFileBytes("/proc/self/status");
  REQUIRE(status.has_value());
  CHECK(status->find("Pid:") != std::string::npos);
}

TEST_CASE("ReadFileBytes gives nothing for a missing file or a folder") {
  jixiao::testing::TempDir tmp;
  CHECK_FALSE(ReadFileBytes(tmp.path() + "/missing.yaml").has_value());
  CHECK_FALSE(ReadFileBytes(tmp.path()).has_value());
}
