// Fills an archive with synthetic runs, for the archive's benchmark
// (bench/archive.sh): PROJECTS projects × YEARS years, each run with 30
// indicators (4 一级, 10 二级, 16 三级), a stated total on a third of the
// runs (a tenth of them off by some points), a finding or two on some, and
// three input files. Departments, systems and scores are spread so the
// history questions meet what a bureau's archive holds.
//
//   bench_archive_fill URL PROJECTS YEARS [RUNS_PER_TRANSACTION]
//
// Prints the insert throughput (runs and rows a second).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "archive/archive_run.h"
#include "archive/database.h"

using namespace jixiao;

namespace {

struct Random {
  unsigned long long state;
  unsigned Next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(state >> 33);
  }
  unsigned Below(unsigned n) { return Next() % n; }
};

// splitmix64: distinct projects and years give unrelated ids, as SHA-256 does.
unsigned long long Mix(unsigned long long x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::string Hex(unsigned long long v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", v);
  return buf;
}

ArchivedRun MakeRun(long long project, int year, Random& rnd) {
  ArchivedRun r;
  r.name = "第" + std::to_string(project) + "号专项资金项目";
  r.department = "第" + std::to_string(project % 400) + "局";
  r.project_key = r.department + "|" + r.name;
  r.year = std::to_string(year);
  r.system_name = "专项资金绩效评价指标体系" + std::to_string(project % 40);
  r.system_hash = Hex(project % 40 * 7919ULL);
  r.kind = project % 5 == 0 ? "self" : "evaluation";
  r.source = "submissions/" + r.year + "/" + std::to_string(project);
  r.command = "batch";
  r.full_marks = Decimal{100};
  r.tool_version = "bench";
  r.created_at = r.year + "-12-01T00:00:00Z";
  // 一级 A–D weigh 20, 20, 30, 30; each has 2–3 二级, each 二级 1–2 三级 leaves.
  const char* kLevel1[] = {"决策", "过程", "产出", "效益"};
  const int kWeights[] = {20, 20, 30, 30};
  const int kSeconds[] = {2, 2, 3, 3};
  int leaves_left = 16;
  Decimal total;
  for (int a = 0; a < 4; ++a) {
    size_t parent = r.scores.size();
    r.scores.push_back({std::string(1, static_cast<char>('A' + a)), kLevel1[a], 1, Decimal{kWeights[a]}, Decimal{}, "", {}});
    Decimal l1;
    for (int b = 0; b < kSeconds[a]; ++b) {
      size_t second = r.scores.size();
      std::string code2 = r.scores[parent].code + std::to_string(b + 1);
      int leaves = (a == 3 && b == kSeconds[a] - 1) ? leaves_left : (b % 2 ? 2 : 1);
      leaves_left -= leaves;
      long w2 = kWeights[a] / kSeconds[a];
      if (b == kSeconds[a] - 1) w2 = kWeights[a] - w2 * (kSeconds[a] - 1);
      r.scores.push_back({code2, "二级指标" + code2, 2, Decimal{w2}, Decimal{}, "", {}});
      Decimal l2;
      for (int c = 0; c < leaves; ++c) {
        long w3 = w2 / leaves + (c == leaves - 1 ? w2 % leaves : 0);
        // Most leaves full; some lose a part, in steps of 0.25.
        long lost = rnd.Below(4) == 0 ? static_cast<long>(rnd.Below(static_cast<unsigned>(w3 * 4 + 1))) : 0;
        Decimal score = Decimal{w3} - Decimal{lost} / Decimal{4};
        r.scores.push_back({code2 + std::to_string(c + 1), "三级指标" + code2 + std::to_string(c + 1), 3, Decimal{w3},
                            score, lost ? "未完全达到评分标准，扣 " + (Decimal{lost} / Decimal{4}).ToFixed(2) + " 分。" : "", {}});
        l2 += score;
      }
      r.scores[second].score = l2;
      l1 += l2;
    }
    r.scores[parent].score = l1;
    total += l1;
  }
  r.total = total;
  r.deductions = Decimal{};
  r.grade = total >= Decimal{90} ? "优" : total >= Decimal{80} ? "良" : total >= Decimal{60} ? "中" : "差";
  if (project % 3 == 0) {
    r.stated_total = rnd.Below(10) == 0 ? total + Decimal{static_cast<long>(1 + rnd.Below(8))} : total;
    r.stated_grade = r.grade;
  }
  for (unsigned f = rnd.Below(3); f > 0; --f)
    r.findings.push_back({"warning", "parent-sum", "评分表!E" + std::to_string(5 + f), "B1", "B1 得分", "9", "8.5",
                          "B1 所报得分与下级得分合计不符"});
  for (const char* role : {"project.yaml", "system.yaml", "数据采集表.xlsx"})
    r.inputs.push_back({r.source + "/" + role, Hex(rnd.state) + Hex(rnd.Next())});
  r.inputs_hash = Hex(Mix(static_cast<unsigned long long>(project) * 64 + static_cast<unsigned long long>(year - 2000))) +
                  Hex(rnd.state) + Hex(rnd.Next()) + Hex(rnd.Next());
  r.id = static_cast<long long>(std::stoull(r.inputs_hash.substr(0, 15), nullptr, 16));
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s URL PROJECTS YEARS [RUNS_PER_TRANSACTION]\n", argv[0]);
    return 2;
  }
  const long long projects = std::atoll(argv[2]);
  const int years = std::atoi(argv[3]);
  const size_t per_transaction = argc > 4 ? static_cast<size_t>(std::atoll(argv[4])) : 500;
  try {
    Database db(argv[1]);
    Random rnd{42};
    auto start = std::chrono::steady_clock::now();
    size_t runs = 0, rows = 0;
    std::vector<ArchivedRun> pending;
    auto flush = [&] {
      runs += StoreRuns(db, pending);
      pending.clear();
    };
    for (int y = 0; y < years; ++y) {
      for (long long p = 0; p < projects; ++p) {
        pending.push_back(MakeRun(p, 2020 + y, rnd));
        rows += 1 + pending.back().scores.size() + pending.back().findings.size() + pending.back().inputs.size();
        if (pending.size() == per_transaction) flush();
      }
    }
    flush();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("stored %zu runs (%zu rows) in %.1f s: %.0f runs/s, %.0f rows/s\n", runs, rows, secs, runs / secs,
                rows / secs);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics().All()) std::fprintf(stderr, "%s\n", RenderDiagnostic(d, Language::kEnglish).c_str());
    return 2;
  }
  return 0;
}
