// Loading and validating: every kind of bad input gives a diagnostic that
// names its id, the file, the line and column, the indicator, and says
// what was expected; a good project loads and scores exactly.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <utility>

#include "load/load.h"
#include "rules/kinds/proportional.h"
#include "score/score.h"
#include "test_util.h"

using namespace jixiao;
using jixiao::testing::CatchDiagnostics;
using jixiao::testing::Dump;
using jixiao::testing::TempDir;
using jixiao::testing::WithId;
using jixiao::testing::Zh;

namespace {

Decimal D(const char* text) {
  auto d = Decimal::Parse(text);
  REQUIRE_MESSAGE(d.has_value(), "cannot parse ", std::string(text));
  return *d;
}

// A small system shaped like 002's: checklist, manual, steps, bands with a
// formula and all-or-nothing with a condition, under a deduction cap of 5.
const char* kSystem = R"(name: 测试体系
total: 100
deduction_cap: 5
indicators:
  - code: A
    name: 决策
    weight: 40
    children:
      - code: A1
        name: 项目立项
        weight: 40
        children:
          - code: A11
            name: 立项依据充分性
            weight: 10
            rule:
              kind: checklist
              items: [符合法律法规, 符合发展规划, 与部门职责相符]
          - code: A12
            name: 项目可持续性
            weight: 30
            rule: {kind: manual}
  - code: B
    name: 过程
    weight: 60
    children:
      - code: B1
        name: 资金管理
        weight: 60
        children:
          - code: B12
            name: 预算执行率
            weight: 4
            rule:
              kind: steps
              value: 预算执行率
              full_at: 95%
              step: 5%
              deduct: 1
          - code: B13
            name: 救助群众满意度
            weight: 6
            rule:
              kind: bands
              value: 满意度
              bands:
                - {min: 90%, score: full}
                - {min: 60%, formula: x * 3}
                - {score: 0}
          - code: B14
            name: 救助标准符合度
            weight: 50
            rule:
              kind: all_or_nothing
              when: 不符合救助标准例数 == 0
)";

const char* kProject = R"(project:
  name: 测试项目
system: sys.yaml
values:
  实际到位资金: 1022.04
  实际支出资金: 925.59
  不符合救助标准例数: 0
metrics:
  预算执行率: 实际支出资金 / 实际到位资金
  满意度: 问卷.平均
surveys:
  - id: 问卷
    items:
      报销流程: 94.52%
      疾病范围: 92.17%
      减轻负担: 90.11%
      资格认定: 91.34%
answers:
  A11: {unmet: [2]}
  A12:
    score: 20
    reason: 结余资金较多
deductions:
  - {reason: 资料报送不及时, points: 3}
)";

// `text` with the one occurrence of `from` replaced by `to`.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: ", from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "more than once: ", from);
  return text.replace(at, from.size(), to);
}

// The 1-based line and byte column where `needle` starts in `text`.
std::pair<int, int> Where(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: ", needle);
  REQUIRE_MESSAGE(text.find(needle, at + 1) == std::string::npos, "more than once: ", needle);
  size_t line_start = text.rfind('\n', at);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  int line = 1;
  for (size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  return {line, static_cast<int>(at - line_start) + 1};
}

// A project folder with a system and a project file.
struct Fixture {
  TempDir dir;
  std::string system_text, project_text;
  std::string system_file, project_file;

  explicit Fixture(std::string sys = kSystem, std::string proj = kProject)
      : system_text(std::move(sys)), project_text(std::move(proj)) {
    system_file = dir.Write("sys.yaml", system_text);
    project_file = dir.Write("project.yaml", project_text);
  }
  std::shared_ptr<const Project> Load() const { return LoadProject(dir.path()); }
  std::vector<Diagnostic> Errors() const {
    return CatchDiagnostics([&] { LoadProject(dir.path()); });
  }
};

// The one diagnostic with `id` among `all`, checked to be there.
Diagnostic Only(const std::vector<Diagnostic>& all, const std::string& id) {
  auto hits = WithId(all, id);
  REQUIRE_MESSAGE(hits.size() == 1, "expected one '", id, "', got:\n", Dump(all));
  return hits.front();
}

void CheckAt(const Diagnostic& d, const std::string& file, std::pair<int, int> where) {
  CHECK(d.loc.file == file);
  CHECK(d.loc.line == where.first);
  CHECK(d.loc.column == where.second);
}

}  // namespace

TEST_CASE("load: a valid project loads and scores exactly") {
  Fixture f;
  auto p = f.Load();
  REQUIRE(p->system);
  CHECK(p->system->name == "测试体系");
  CHECK(p->system->deduction_cap == Decimal(5));
  CHECK(p->values.size() == 3);
  CHECK(p->metrics.size() == 2);
  CHECK(p->answers.size() == 2);
  CHECK(p->answers.at("A11").unmet == std::vector<int>{2});
  CHECK(p->answers.at("A12").score == Decimal(20));
  // Numbers are read from their text, never through a double.
  CHECK(p->values[0].value == D("1022.04"));

  ScoredProject sp = ScoreProject(p);
  CHECK(sp.Find("A11")->score == D("6.67"));  // 10 − 10/3, rounded at scoring
  CHECK(sp.Find("A12")->score == Decimal(20));
  CHECK(sp.Find("A1")->score == D("26.67"));
  CHECK(sp.Find("A")->score == D("26.67"));
  // The rate is rounded to its display before it is scored: 90.56% → 1 step.
  CHECK(sp.Value("预算执行率")->value == D("0.9056"));
  CHECK(sp.Value("预算执行率")->display == "90.56%");
  CHECK(sp.Find("B12")->score == Decimal(3));
  // 002's mean 92.035% is 92.04%, so 满意度 is full.
  CHECK(sp.Value("问卷.平均")->display == "92.04%");
  CHECK(sp.Value("满意度")->value == D("0.9204"));
  CHECK(sp.Find("B13")->score == Decimal(6));
  CHECK(sp.Find("B14")->score == Decimal(50));
  CHECK(sp.Find("B")->score == Decimal(59));
  CHECK(sp.sum == D("85.67"));
  CHECK(sp.deductions == Decimal(3));
  CHECK(sp.total == D("82.67"));
  CHECK(sp.grade == "良");
  CHECK(sp.Find("A12")->reason == "结余资金较多");
}

TEST_CASE("load: the satisfaction formula is rounded at scoring (89.99% × 3 = 2.6997 → 2.70)") {
  Fixture f(kSystem, Replace(kProject, R"(      报销流程: 94.52%
      疾病范围: 92.17%
      减轻负担: 90.11%
      资格认定: 91.34%
)",
                             "      总体: 89.99%\n"));
  ScoredProject sp = ScoreProject(f.Load());
  CHECK(sp.Find("B13")->score == D("2.70"));
  CHECK(sp.Find("B")->score == D("55.70"));
  CHECK(sp.total == D("79.37"));  // 26.67 + 55.70 − 3
  CHECK(sp.grade == "中");
}

TEST_CASE("load: deductions are capped (3 under a cap of 5 → −3, 7 → −5)") {
  {
    Fixture f;
    ScoredProject sp = ScoreProject(f.Load());
    CHECK(sp.deductions_claimed == Decimal(3));
    CHECK(sp.deductions == Decimal(3));
    CHECK(sp.total == sp.sum - Decimal(3));
  }
  {
    Fixture f(kSystem, Replace(kProject, "  - {reason: 资料报送不及时, points: 3}\n",
                               "  - {reason: 资料报送不及时, points: 3}\n"
                               "  - {reason: 信息公开不到位, points: 4}\n"));
    ScoredProject sp = ScoreProject(f.Load());
    CHECK(sp.deductions_claimed == Decimal(7));
    CHECK(sp.deductions == Decimal(5));
    CHECK(sp.total == D("80.67"));  // 85.67 − 5
  }
  {
    // Deductions under a system that sets no cap are an error, not uncapped.
    Fixture f(Replace(kSystem, "deduction_cap: 5\n", ""), kProject);
    Diagnostic d = Only(f.Errors(), "deductions-without-cap");
    CheckAt(d, f.project_file, Where(f.project_text, "- {reason: 资料报送不及时"));
  }
}

TEST_CASE("load: weights that do not sum to the parent") {
  Fixture f(Replace(kSystem, "            name: 立项依据充分性\n            weight: 10\n",
                    "            name: 立项依据充分性\n            weight: 11\n"),
            kProject);
  auto all = CatchDiagnostics([&] { LoadSystem(f.system_file); });
  Diagnostic d = Only(all, "weight-sum");
  CHECK(d.indicator == "A1");
  CheckAt(d, f.system_file, Where(f.system_text, "40\n        children:\n          - code: A11"));
  CHECK(Zh(d) == "下级指标权重合计 41，与本指标权重 40 不符");
  CHECK(d.severity == Severity::kError);
  // The same error stops the project that uses the system.
  CHECK(WithId(f.Errors(), "weight-sum").size() == 1);
}

TEST_CASE("load: top-level weights that do not sum to the system's total") {
  Fixture f(Replace(kSystem, "total: 100\n", "total: 90\n"), kProject);
  auto all = CatchDiagnostics([&] { LoadSystem(f.system_file); });
  Diagnostic d = Only(all, "root-weight-sum");
  CHECK(d.indicator == "");
  CheckAt(d, f.system_file, Where(f.system_text, "- code: A\n"));
  CHECK(Zh(d) == "一级指标权重合计 100，与体系总分 90 不符");
}

TEST_CASE("load: a rule missing its data names the value and suggests a near name") {
  // The project calls the rate 预算执行 where the rule reads 预算执行率.
  Fixture f(kSystem, Replace(kProject, "  预算执行率: 实际支出资金 / 实际到位资金\n",
                             "  预算执行: 实际支出资金 / 实际到位资金\n"));
  Diagnostic d = Only(f.Errors(), "rule-needs-name");
  CHECK(d.indicator == "B12");
  // It points at the rule's `value:` in the system.
  CheckAt(d, f.system_file, Where(f.system_text, "预算执行率\n              full_at"));
  CHECK(Zh(d) == "评分规则需要数据“预算执行率”，项目 " + f.project_file + " 未提供");
  CHECK(d.hint_name == "预算执行");
}

TEST_CASE("load: a name in a rule's condition that the project lacks") {
  Fixture f(kSystem, Replace(kProject, "  不符合救助标准例数: 0\n", ""));
  Diagnostic d = Only(f.Errors(), "rule-needs-name");
  CHECK(d.indicator == "B14");
  CHECK(d.loc.file == f.system_file);
  CHECK(d.loc.line == Where(f.system_text, "kind: all_or_nothing").first);
  CHECK(Zh(d) == "评分规则需要数据“不符合救助标准例数”，项目 " + f.project_file + " 未提供");
}

TEST_CASE("load: a metric that reads an undefined name") {
  Fixture f(kSystem, Replace(kProject, "实际支出资金 / 实际到位资金", "实际支出资金 / 实际道位资金"));
  Diagnostic d = Only(f.Errors(), "unknown-name");
  CheckAt(d, f.project_file, Where(f.project_text, "实际支出资金 / 实际道位资金"));
  CHECK(Zh(d) == "公式引用了未定义的名称“实际道位资金”");
  CHECK(d.hint_name == "实际到位资金");
}

TEST_CASE("load: a rule that needs the evaluator's answer and has none") {
  Fixture f(kSystem, Replace(kProject, R"(  A12:
    score: 20
    reason: 结余资金较多
)",
                             ""));
  Diagnostic d = Only(f.Errors(), "missing-answer");
  CHECK(d.indicator == "A12");
  CHECK(d.loc.file == f.project_file);
  CHECK(Zh(d) == "评分规则 manual 需要评价组填写数据（answers 中的 score + reason），项目未提供");

  Fixture g(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", ""));
  Diagnostic c = Only(g.Errors(), "missing-answer");
  CHECK(c.indicator == "A11");
  CHECK(Zh(c) == "评分规则 checklist 需要评价组填写数据（answers 中的 unmet: [...]），项目未提供");

  // An answer without the field its rule needs.
  Fixture h(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {reason: 见底稿}\n"));
  Diagnostic m = Only(h.Errors(), "missing-answer-field");
  CHECK(m.indicator == "A11");
  CheckAt(m, h.project_file, Where(h.project_text, "A11: {reason"));
}

TEST_CASE("load: unknown keys are errors with a 'did you mean'") {
  SUBCASE("in an answer") {
    Fixture f(kSystem, Replace(kProject, "    reason: 结余资金较多\n", "    reson: 结余资金较多\n"));
    auto all = f.Errors();
    Diagnostic d = Only(all, "unknown-key");
    CHECK(d.indicator == "A12");
    CheckAt(d, f.project_file, Where(f.project_text, "reson"));
    CHECK(Zh(d) == "未知的键“reson”（可用：unmet, met, score, tier, reason, target, actual, baseline, deviation_reason, not_applicable, not_assessable, points, objects）");
    CHECK(d.hint_name == "reason");
  }
  SUBCASE("at the top of a project") {
    Fixture f(kSystem, Replace(kProject, "deductions:\n", "deduction:\n"));
    Diagnostic d = Only(f.Errors(), "unknown-key");
    CHECK(d.indicator == "");
    CheckAt(d, f.project_file, Where(f.project_text, "deduction:\n"));
    CHECK(d.hint_name == "deductions");
  }
  SUBCASE("in an indicator") {
    Fixture f(Replace(kSystem, "            name: 项目可持续性\n            weight: 30\n",
                      "            name: 项目可持续性\n            wieght: 30\n"),
              kProject);
    auto all = CatchDiagnostics([&] { LoadSystem(f.system_file); });
    Diagnostic d = Only(all, "unknown-key");
    CHECK(d.indicator == "A12");
    CheckAt(d, f.system_file, Where(f.system_text, "wieght"));
    CHECK(d.hint_name == "weight");
    // …and the weight it meant to give is missing.
    CHECK(Only(all, "missing-key").indicator == "A12");
  }
  SUBCASE("in a rule, with nothing close enough to suggest") {
    Fixture f(Replace(kSystem, "              deduct: 1\n", "              deduct: 1\n              每档扣分: 1\n"),
              kProject);
    auto all = CatchDiagnostics([&] { LoadSystem(f.system_file); });
    Diagnostic d = Only(all, "unknown-key");
    CHECK(d.indicator == "B12");
    CheckAt(d, f.system_file, Where(f.system_text, "每档扣分"));
    CHECK(d.hint_name == "");
  }
}

TEST_CASE("load: an answer for an indicator the system does not have") {
  Fixture f(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {unmet: [2]}\n  a12: {score: 30}\n"));
  auto all = f.Errors();
  Diagnostic d = Only(all, "unknown-indicator");
  CHECK(d.indicator == "a12");
  CheckAt(d, f.project_file, Where(f.project_text, "a12"));
  CHECK(Zh(d) == "指标 a12 不在指标体系 " + f.system_file + " 中");
  CHECK(d.hint_name == "A12");

  // An answer for a parent, whose score is the sum of its children.
  Fixture g(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {unmet: [2]}\n  A1: {score: 30}\n"));
  Diagnostic p = Only(g.Errors(), "answer-for-parent");
  CHECK(p.indicator == "A1");
  CheckAt(p, g.project_file, Where(g.project_text, "A1: {score"));
}

TEST_CASE("load: a checklist answer for a point that does not exist") {
  Fixture f(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {unmet: [2, 4]}\n"));
  Diagnostic d = Only(f.Errors(), "no-such-point");
  CHECK(d.indicator == "A11");
  CheckAt(d, f.project_file, Where(f.project_text, "4]}"));
  CHECK(Zh(d) == "第 4 项不存在：该指标的评分要点共 3 项");

  Fixture z(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {unmet: [0]}\n"));
  CHECK(Zh(Only(z.Errors(), "no-such-point")) == "第 0 项不存在：该指标的评分要点共 3 项");
  Fixture h(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {unmet: [1.5]}\n"));
  CHECK(Only(h.Errors(), "no-such-point").indicator == "A11");
}

TEST_CASE("load: a manual score above the weight, or below it without a reason") {
  SUBCASE("above the weight") {
    Fixture f(kSystem, Replace(kProject, "    score: 20\n", "    score: 31\n"));
    Diagnostic d = Only(f.Errors(), "score-above-weight");
    CHECK(d.indicator == "A12");
    CheckAt(d, f.project_file, Where(f.project_text, "31"));
    CHECK(Zh(d) == "得分 31 超过满分 30");
  }
  SUBCASE("below the weight without a reason") {
    Fixture f(kSystem, Replace(kProject, "    reason: 结余资金较多\n", ""));
    Diagnostic d = Only(f.Errors(), "score-needs-reason");
    CHECK(d.indicator == "A12");
    CheckAt(d, f.project_file, Where(f.project_text, "20\n"));
    CHECK(Zh(d) == "得分 20（满分 30）须填写原因（reason）");
  }
  SUBCASE("the full score needs no reason") {
    Fixture f(kSystem, Replace(kProject, "    score: 20\n    reason: 结余资金较多\n", "    score: 30\n"));
    CHECK(ScoreProject(f.Load()).Find("A12")->score == Decimal(30));
  }
  SUBCASE("a negative score") {
    Fixture f(kSystem, Replace(kProject, "    score: 20\n", "    score: -1\n"));
    CHECK(Only(f.Errors(), "must-be-positive").indicator == "A12");
  }
}

TEST_CASE("load: a rate over 100% where it cannot be is an error at scoring") {
  // 1100 / 1022.04 = 107.63%: loading succeeds, scoring refuses.
  Fixture f(kSystem, Replace(kProject, "  实际支出资金: 925.59\n", "  实际支出资金: 1100\n"));
  std::shared_ptr<const Project> p;
  REQUIRE_NOTHROW(p = f.Load());
  auto all = CatchDiagnostics([&] { ScoreProject(p); });
  Diagnostic d = Only(all, "rate-out-of-range");
  CHECK(d.indicator == "B12");
  // It points at the metric that made the rate.
  CheckAt(d, f.project_file, Where(f.project_text, "实际支出资金 / 实际到位资金"));
  CHECK(Zh(d).find("107.63%") != std::string::npos);
  CHECK(Zh(d).rfind("比率 107.63% 超出允许范围", 0) == 0);

  // Exactly 100% is allowed.
  Fixture g(kSystem, Replace(kProject, "  实际支出资金: 925.59\n", "  实际支出资金: 1022.04\n"));
  CHECK(ScoreProject(g.Load()).Find("B12")->score == Decimal(4));

  // A rate typed as a value.
  Fixture h(kSystem, Replace(Replace(kProject, "  预算执行率: 实际支出资金 / 实际到位资金\n", ""),
                             "  不符合救助标准例数: 0\n", "  不符合救助标准例数: 0\n  预算执行率: 120%\n"));
  Diagnostic v = Only(CatchDiagnostics([&] { ScoreProject(h.Load()); }), "rate-out-of-range");
  CHECK(v.indicator == "B12");
  CheckAt(v, h.project_file, Where(h.project_text, "120%"));

  // A rule may lift the limit where a value above 100% is real.
  Fixture n(Replace(kSystem, "              deduct: 1\n", "              deduct: 1\n              value_max: none\n"),
            Replace(kProject, "  实际支出资金: 925.59\n", "  实际支出资金: 1100\n"));
  CHECK(ScoreProject(n.Load()).Find("B12")->score == Decimal(4));
}

TEST_CASE("load: a negative rate is an error at scoring") {
  Fixture f(kSystem, Replace(kProject, "  实际支出资金: 925.59\n", "  实际支出资金: -10\n"));
  Diagnostic d = Only(CatchDiagnostics([&] { ScoreProject(f.Load()); }), "must-be-positive");
  CHECK(d.indicator == "B12");
  CheckAt(d, f.project_file, Where(f.project_text, "实际支出资金 / 实际到位资金"));
  CHECK(Zh(d) == "“预算执行率”必须为正数");
}

TEST_CASE("load: division by zero while scoring names the formula and where it is") {
  SUBCASE("in a metric") {
    Fixture f(kSystem, Replace(kProject, "  实际到位资金: 1022.04\n", "  实际到位资金: 0\n"));
    Diagnostic d = Only(CatchDiagnostics([&] { ScoreProject(f.Load()); }), "formula-eval");
    CheckAt(d, f.project_file, Where(f.project_text, "实际支出资金 / 实际到位资金"));
    CHECK(Zh(d) == "公式“实际支出资金 / 实际到位资金”无法计算：division by zero");
  }
  SUBCASE("in a custom formula rule") {
    Fixture f(Replace(kSystem, R"(            rule:
              kind: all_or_nothing
              when: 不符合救助标准例数 == 0
)",
                      R"(            rule:
              kind: formula
              formula: weight * (1 - 不符合救助标准例数 / 抽查例数)
)"),
              Replace(kProject, "  不符合救助标准例数: 0\n", "  不符合救助标准例数: 0\n  抽查例数: 0\n"));
    Diagnostic d = Only(CatchDiagnostics([&] { ScoreProject(f.Load()); }), "formula-eval");
    CHECK(d.indicator == "B14");
    CheckAt(d, f.system_file, Where(f.system_text, "kind: formula"));
    CHECK(Zh(d) == "公式“weight * (1 - 不符合救助标准例数 / 抽查例数)”无法计算：division by zero");
  }
}

TEST_CASE("load: a `met` answer beside a `when` formula is refused, not ignored") {
  Fixture f(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {unmet: [2]}\n  B14: {met: true}\n"));
  Diagnostic d = Only(f.Errors(), "answer-field-not-for-rule");
  CHECK(d.indicator == "B14");
  CheckAt(d, f.project_file, Where(f.project_text, "B14"));
  CHECK(Zh(d) == "评分规则 all_or_nothing 只接受：score, reason");
  // An override with a reason is allowed, and the rule's own result is kept in the sentence.
  Fixture g(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n",
                             "  A11: {unmet: [2]}\n  B14: {score: 40, reason: 抽查发现个别台账缺失}\n"));
  ScoredProject sp = ScoreProject(g.Load());
  CHECK(sp.Find("B14")->score == Decimal(40));
  CHECK(sp.Find("B14")->overridden);
  CHECK(sp.Find("B14")->explanation == "按评分规则：满足要求，得满分 50 分。评价组调整为 40 分。");
}

TEST_CASE("load: metrics that depend on themselves, and names defined twice") {
  Fixture f(kSystem, Replace(kProject, "  满意度: 问卷.平均\n", "  满意度: 满意度二 * 1\n  满意度二: 满意度 * 1\n"));
  auto all = f.Errors();
  CHECK_FALSE(WithId(all, "metric-cycle").empty());
  Fixture g(kSystem, Replace(kProject, "  不符合救助标准例数: 0\n", "  不符合救助标准例数: 0\n  预算执行率: 90%\n"));
  Diagnostic d = Only(g.Errors(), "duplicate-name");
  CheckAt(d, g.project_file, Where(g.project_text, "实际支出资金 / 实际到位资金"));
  CHECK(Zh(d) == "名称“预算执行率”重复定义");
}

TEST_CASE("load: a survey rate over 100% is an error when loading") {
  Fixture f(kSystem, Replace(kProject, "      报销流程: 94.52%\n", "      报销流程: 104.52%\n"));
  Diagnostic d = Only(f.Errors(), "rate-out-of-range");
  CheckAt(d, f.project_file, Where(f.project_text, "104.52%"));
}

TEST_CASE("load: malformed YAML names the line and column") {
  SUBCASE("in the project") {
    Fixture f(kSystem, Replace(kProject, "  name: 测试项目\n", "  name: 测试: 项目\n"));
    Diagnostic d = Only(f.Errors(), "yaml-syntax");
    // yaml-cpp points at the second ':'; columns count bytes.
    CheckAt(d, f.project_file, Where(f.project_text, ": 项目"));
    CHECK(Zh(d).rfind("YAML 语法错误：", 0) == 0);
  }
  SUBCASE("in the system the project names") {
    Fixture f(Replace(kSystem, "              items: [符合法律法规, 符合发展规划, 与部门职责相符]\n",
                      "              items: [符合法律法规, 符合发展规划, 与部门职责相符\n"),
              kProject);
    Diagnostic d = Only(f.Errors(), "yaml-syntax");
    CHECK(d.loc.file == f.system_file);
    CHECK(d.loc.line > 0);
    CHECK(d.loc.column > 0);
  }
  SUBCASE("a file that is not a mapping") {
    Fixture f(kSystem, "- just\n- a list\n");
    Diagnostic d = Only(f.Errors(), "expected-map");
    CheckAt(d, f.project_file, {1, 1});
  }
}

TEST_CASE("load: a missing file") {
  TempDir dir;
  std::string missing = (std::filesystem::path(dir.path()) / "nothing-here").string();
  // A missing project folder is reported as the project.yaml it should hold.
  Diagnostic d = Only(CatchDiagnostics([&] { LoadProject(missing); }), "cannot-read");
  CHECK(d.loc.file == missing + "/project.yaml");
  CHECK(d.loc.line == 0);
  CHECK(Zh(d) == "无法读取文件（不存在或无权限）");
  // A missing YAML file is named as given.
  CHECK(Only(CatchDiagnostics([&] { LoadProject(missing + ".yaml"); }), "cannot-read").loc.file ==
        missing + ".yaml");

  // A project folder without project.yaml.
  Diagnostic e = Only(CatchDiagnostics([&] { LoadProject(dir.path()); }), "cannot-read");
  CHECK(e.loc.file == (std::filesystem::path(dir.path()) / "project.yaml").string());

  // A system file that is not there, named by the project.
  Fixture f(kSystem, Replace(kProject, "system: sys.yaml\n", "system: sys-2023.yaml\n"));
  Diagnostic s = Only(f.Errors(), "cannot-read");
  CHECK(s.loc.file == (std::filesystem::path(f.dir.path()) / "sys-2023.yaml").string());

  CHECK(Only(CatchDiagnostics([&] { LoadSystem(missing + ".yaml"); }), "cannot-read").loc.file ==
        missing + ".yaml");
  // A folder where a file should be: not an indicator system, said where it is named.
  Fixture g(kSystem, Replace(kProject, "system: sys.yaml\n", "system: .\n"));
  CHECK(Only(g.Errors(), "system-not-yaml").loc.file == g.project_file);
  // A folder named like one: unreadable.
  std::filesystem::create_directories(std::filesystem::path(g.dir.path()) / "d.yaml");
  Fixture h(kSystem, Replace(kProject, "system: sys.yaml\n", "system: d.yaml\n"));
  std::filesystem::create_directories(std::filesystem::path(h.dir.path()) / "d.yaml");
  CHECK(Only(h.Errors(), "cannot-read").loc.file == (std::filesystem::path(h.dir.path()) / "d.yaml").string());
}

TEST_CASE("load: mistakes in the indicator system") {
  SUBCASE("an unknown rule kind, with a suggestion") {
    Fixture f(Replace(kSystem, "              kind: steps\n", "              kind: step\n"), kProject);
    Diagnostic d = Only(CatchDiagnostics([&] { LoadSystem(f.system_file); }), "unknown-rule-kind");
    CHECK(d.indicator == "B12");
    CheckAt(d, f.system_file, Where(f.system_text, "step\n"));
    CHECK(d.hint_name == "steps");
  }
  SUBCASE("a formula that does not parse") {
    Fixture f(Replace(kSystem, "when: 不符合救助标准例数 == 0", "when: 不符合救助标准例数 = 0"), kProject);
    Diagnostic d = Only(CatchDiagnostics([&] { LoadSystem(f.system_file); }), "formula-syntax");
    CHECK(d.indicator == "B14");
    CheckAt(d, f.system_file, Where(f.system_text, "不符合救助标准例数 = 0"));
    CHECK(Zh(d) == "公式“不符合救助标准例数 = 0”有误：unexpected '='");
  }
  SUBCASE("a leaf without a rule") {
    Fixture f(Replace(kSystem, "            rule: {kind: manual}\n", ""), kProject);
    Diagnostic d = Only(CatchDiagnostics([&] { LoadSystem(f.system_file); }), "leaf-without-rule");
    CHECK(d.indicator == "A12");
    CheckAt(d, f.system_file, Where(f.system_text, "code: A12"));
  }
  SUBCASE("a code used twice") {
    Fixture f(Replace(kSystem, "          - code: B13\n", "          - code: B12\n"), kProject);
    auto all = CatchDiagnostics([&] { LoadSystem(f.system_file); });
    Diagnostic d = Only(all, "duplicate-code");
    CHECK(d.indicator == "B12");
    CHECK(d.loc.line == Where(f.system_text, "救助群众满意度").first - 1);
  }
  SUBCASE("bands out of order") {
    Fixture f(Replace(kSystem, "                - {min: 60%, formula: x * 3}\n",
                      "                - {min: 95%, formula: x * 3}\n"),
              kProject);
    Diagnostic d = Only(CatchDiagnostics([&] { LoadSystem(f.system_file); }), "bands-order");
    CHECK(d.indicator == "B13");
    CheckAt(d, f.system_file, Where(f.system_text, "{min: 95%"));
  }
  SUBCASE("a band's fixed score above the weight") {
    Fixture f(Replace(kSystem, "                - {min: 60%, formula: x * 3}\n",
                      "                - {min: 60%, score: 8}\n"),
              kProject);
    Diagnostic d = Only(CatchDiagnostics([&] { LoadSystem(f.system_file); }), "score-above-weight");
    CHECK(d.indicator == "B13");
    CheckAt(d, f.system_file, Where(f.system_text, "8}"));
    CHECK(Zh(d) == "得分 8 超过满分 6");
  }
  SUBCASE("a number written as a float exponent") {
    Fixture f(Replace(kSystem, "              deduct: 1\n", "              deduct: 1e0\n"), kProject);
    Diagnostic d = Only(CatchDiagnostics([&] { LoadSystem(f.system_file); }), "expected-number");
    CHECK(d.indicator == "B12");
    CheckAt(d, f.system_file, Where(f.system_text, "1e0"));
    CHECK(Zh(d) == "应为数字，实际为“1e0”");
  }
}

TEST_CASE("load: a qualitative score must lie in its tier") {
  std::string sys = Replace(kSystem, "            rule: {kind: manual}\n", "            rule: {kind: qualitative}\n");
  // 部分达成 is [60%, 80%) of 30: [18, 24).
  Fixture ok(sys, Replace(kProject, "    score: 20\n", "    tier: 部分达成\n    score: 20\n"));
  CHECK(ScoreProject(ok.Load()).Find("A12")->score == Decimal(20));
  Fixture f(sys, Replace(kProject, "    score: 20\n", "    tier: 部分达成\n    score: 24\n"));
  Diagnostic d = Only(f.Errors(), "score-outside-tier");
  CHECK(d.indicator == "A12");
  CheckAt(d, f.project_file, Where(f.project_text, "24"));
  CHECK(Zh(d) == "得分 24 不在“部分达成”档的范围 [18, 24) 内");
  Fixture t(sys, Replace(kProject, "    score: 20\n", "    tier: 部份达成\n    score: 20\n"));
  Diagnostic c = Only(t.Errors(), "bad-choice");
  CHECK(c.hint_name == "部分达成");
}

TEST_CASE("load: RenderDiagnostic prints file:line:col, the indicator, the source line and a caret") {
  Fixture f(kSystem, Replace(kProject, "  A11: {unmet: [2]}\n", "  A11: {unmet: [2, 4]}\n"));
  Diagnostic d = Only(f.Errors(), "no-such-point");
  auto [line, col] = Where(f.project_text, "4]}");
  std::string out = RenderDiagnostic(d, Language::kChinese);
  CHECK(out == f.project_file + ":" + std::to_string(line) + ":" + std::to_string(col) +
                   ": 错误: 指标 A11: 第 4 项不存在：该指标的评分要点共 3 项\n"
                   "  " + "  A11: {unmet: [2, 4]}\n"
                   "  " + std::string(static_cast<size_t>(col - 1), ' ') + "^\n");
  out = RenderDiagnostic(d, Language::kEnglish);
  CHECK(out.rfind(f.project_file + ":" + std::to_string(line) + ":" + std::to_string(col) +
                      ": error: indicator A11: point 4 does not exist: the indicator has 3 points\n",
                  0) == 0);
}

TEST_CASE("load: RenderDiagnostic adds the hint, and puts the caret under CJK text") {
  Fixture f(kSystem, Replace(kProject, "  预算执行率: 实际支出资金 / 实际到位资金\n",
                             "  预算执行: 实际支出资金 / 实际到位资金\n"));
  Diagnostic d = Only(f.Errors(), "rule-needs-name");
  std::string out = RenderDiagnostic(d, Language::kChinese);
  auto [line, col] = Where(f.system_text, "预算执行率\n              full_at");
  CHECK(out == f.system_file + ":" + std::to_string(line) + ":" + std::to_string(col) +
                   ": 错误: 指标 B12: 评分规则需要数据“预算执行率”，项目 " + f.project_file +
                   " 未提供（是否应为“预算执行”？）\n"
                   "                value: 预算执行率\n"
                   "  " + std::string(static_cast<size_t>(col - 1), ' ') + "^\n");
  // The caret sits under the column on screen: each CJK character is two wide.
  Fixture g(kSystem, Replace(kProject, "实际支出资金 / 实际到位资金", "实际支出资金 / 实际道位资金"));
  Diagnostic m = Only(g.Errors(), "unknown-name");
  out = RenderDiagnostic(m, Language::kChinese);
  auto [mline, mcol] = Where(g.project_text, "实际支出资金 / 实际道位资金");
  CHECK(mcol == 20);  // bytes: 2 spaces, 5 × 3 for 预算执行率, ': '
  CHECK(out == g.project_file + ":" + std::to_string(mline) + ":20: 错误: 公式引用了未定义的名称“实际道位资金”"
                   "（是否应为“实际到位资金”？）\n"
                   "    预算执行率: 实际支出资金 / 实际道位资金\n"
                   "                ^\n");  // 2 + 2 spaces + 5 × 2 + 2
  // A diagnostic without a line prints no source.
  Diagnostic none;
  none.loc.file = "x.yaml";
  none.message = {"无", "none"};
  CHECK(RenderDiagnostic(none, Language::kChinese) == "x.yaml: 错误: 无\n");
}

TEST_CASE("load: integer grade bands '80-89' are read as 80 ≤ X < 90") {
  Fixture f(Replace(kSystem, "deduction_cap: 5\n", R"(deduction_cap: 5
grades:
  - {name: 优, range: 90-100}
  - {name: 良, range: 80-89}
  - {name: 中, range: 60-79}
  - {name: 差, range: 0-59}
)"),
            kProject);
  auto sys = LoadSystem(f.system_file);
  CHECK(sys->integer_grade_bands);
  REQUIRE(sys->grades.size() == 4);
  CHECK(sys->grades[1].written == "80-89");
  CHECK(GradeFor(*sys, Decimal(100)) == "优");
  CHECK(GradeFor(*sys, Decimal(90)) == "优");
  CHECK(GradeFor(*sys, D("89.99")) == "良");
  CHECK(GradeFor(*sys, D("89.5")) == "良");
  CHECK(GradeFor(*sys, Decimal(80)) == "良");
  CHECK(GradeFor(*sys, D("79.99")) == "中");
  CHECK(GradeFor(*sys, D("59.99")) == "差");
  CHECK(GradeFor(*sys, Decimal(0)) == "差");

  // The default scale (财预〔2020〕10号): 优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差.
  auto def = LoadSystem(Fixture().system_file);
  CHECK_FALSE(def->integer_grade_bands);
  CHECK(GradeFor(*def, Decimal(90)) == "优");
  CHECK(GradeFor(*def, D("89.99")) == "良");
  CHECK(GradeFor(*def, D("59.99")) == "差");

  Fixture bad(Replace(kSystem, "deduction_cap: 5\n", "deduction_cap: 5\ngrades:\n  - {name: 优, range: 九十分以上}\n"),
              kProject);
  Diagnostic d = Only(CatchDiagnostics([&] { LoadSystem(bad.system_file); }), "bad-grade-range");
  CheckAt(d, bad.system_file, Where(bad.system_text, "九十分以上"));
}

TEST_CASE("load: 002's indicator system has 4, 12 and 22 indicators at its three levels") {
  auto sys = LoadSystem(std::string(JIXIAO_SOURCE_DIR) + "/indicators/jiaocheng-2024.yaml");
  CHECK(sys->Depth() == 3);
  CHECK(sys->CountAtLevel(1) == 4);
  CHECK(sys->CountAtLevel(2) == 12);
  CHECK(sys->CountAtLevel(3) == 22);
  CHECK(sys->total == Decimal(100));
  REQUIRE(sys->Find("B23") != nullptr);
  CHECK(sys->Find("B23")->rule->kind == RuleKind::kChecklistPoints);
  CHECK(sys->Find("D13")->rule->Params<ProportionalParams>().target == D("90%"));
  CHECK(sys->Find("X99") == nullptr);
}

TEST_CASE("load: the attainment reading takes counts above 100% of nothing") {
  // 完成值 / 指标值 reads counts, not a rate: 2600 of a 2000 target is full,
  // 1500 of 2000 is 75% of the weight; no 100% limit applies by default.
  const std::string sys =
      "name: 计数\nindicators:\n"
      "  - code: A\n    name: 产出\n    weight: 100\n    rule:\n"
      "      kind: proportional\n      value: 参保人数\n      target: 2000\n      reading: attainment\n";
  Fixture over(sys, "project: {name: 甲}\nsystem: sys.yaml\nvalues: {参保人数: 2600}\n");
  CHECK(ScoreProject(over.Load()).total == Decimal(100));
  Fixture under(sys, "project: {name: 甲}\nsystem: sys.yaml\nvalues: {参保人数: 1500}\n");
  CHECK(ScoreProject(under.Load()).total == Decimal(75));
  // The value reading still refuses a rate above 100%.
  std::string value_reading = sys;
  value_reading.replace(value_reading.find("target: 2000\n      reading: attainment"),
                        std::string("target: 2000\n      reading: attainment").size(),
                        "target: 90%\n      reading: value");
  Fixture rate(value_reading, "project: {name: 甲}\nsystem: sys.yaml\nvalues: {参保人数: 120%}\n");
  CHECK(Only(CatchDiagnostics([&] { ScoreProject(rate.Load()); }), "rate-out-of-range").indicator == "A");
}
