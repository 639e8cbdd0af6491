// Makes N variants of the jiaocheng-2024 case for the benchmark, with
// seeded variation: 实际支出资金 790.00–1022.04 万元, 80–160 respondents
// split across each question's options, four satisfaction items
// 60.00–99.99%. Usage: bench_variants <source dir> <system yaml> <out dir> <N> [seed]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void Replace(std::string& s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  if (at == std::string::npos) {
    std::cerr << "bench_variants: the source case no longer contains: " << from << "\n";
    std::exit(2);
  }
  s.replace(at, from.size(), to);
}

// Hundredths as "925.59".
std::string Cents(long v) {
  std::ostringstream o;
  o << v / 100 << "." << (v % 100 < 10 ? "0" : "") << v % 100;
  return o.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: bench_variants <source dir> <system yaml> <out dir> <N> [seed]\n";
    return 2;
  }
  fs::path src = argv[1], system = fs::absolute(argv[2]), out = argv[3];
  int n = std::stoi(argv[4]);
  unsigned seed = argc > 5 ? static_cast<unsigned>(std::stoul(argv[5])) : 20241231u;
  std::string base = Slurp(src / "project.yaml");
  fs::path text = fs::absolute(src / "text");
  std::mt19937 rng(seed);
  auto uniform = [&](long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(rng); };
  fs::create_directories(out);
  for (int i = 0; i < n; ++i) {
    std::string y = base;
    Replace(y, "system: ../../indicators/jiaocheng-2024.yaml",
            "system: " + system.string() + "\ntext: " + text.string());
    Replace(y, "name: 交城县城乡医疗救助补助资金\n", "name: 交城县城乡医疗救助补助资金（样本 " + std::to_string(i + 1) + "）\n");
    long spent = uniform(79000, 102204);  // hundredths of 万元
    Replace(y, "  实际支出资金: 925.59", "  实际支出资金: " + Cents(spent));
    Replace(y, "spending: 925.59, closing: 2988.88",
            "spending: " + Cents(spent) + ", closing: " + Cents(289243 + 102204 - spent));
    for (const char* q : {"[19, 61, 22]", "[9, 70, 23]", "[5, 68, 26]"}) {
      long total = uniform(80, 160);
      long a = uniform(0, total), b = uniform(0, total - a);
      Replace(y, std::string("counts: ") + q,
              "counts: [" + std::to_string(a) + ", " + std::to_string(b) + ", " + std::to_string(total - a - b) + "]");
    }
    for (const char* item : {"94.52%", "92.17%", "90.11%", "91.34%"})
      Replace(y, std::string(": ") + item, ": " + Cents(uniform(6000, 9999)) + "%");
    fs::path dir = out / ("p" + std::to_string(100000 + i).substr(1));
    fs::create_directories(dir);
    std::ofstream(dir / "project.yaml", std::ios::binary) << y;
  }
  std::cout << n << " variants in " << out.string() << "\n";
  return 0;
}
