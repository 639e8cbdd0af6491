// The table of rule kinds (rules/rule_kinds.cpp): one unit per kind, found
// by its YAML name, and a system written with each kind reads back as it.
#include <doctest/doctest.h>

#include <iterator>
#include <set>
#include <string>

#include "load/load.h"
#include "rules/kinds/steps.h"
#include "rules/kinds/target.h"
#include "rules/rule_kind.h"
#include "test_util.h"

using namespace jixiao;

TEST_CASE("every RuleKind has exactly one registered unit, found by its YAML name") {
  std::set<RuleKind> seen;
  std::set<std::string> names;
  for (const RuleKindUnit* u : RuleKindUnits()) {
    CHECK(seen.insert(u->kind()).second);
    CHECK(names.insert(u->name()).second);
    CHECK(FindRuleKind(u->name()) == u);
    CHECK(&UnitOf(u->kind()) == u);
    CHECK(std::string(RuleKindName(u->kind())) == u->name());
  }
  // RuleKind runs from kChecklist to kPoints, the last enumerator.
  for (int k = static_cast<int>(RuleKind::kChecklist); k <= static_cast<int>(RuleKind::kPoints); ++k)
    CHECK(seen.count(static_cast<RuleKind>(k)) == 1);
  CHECK(seen.size() == static_cast<size_t>(RuleKind::kPoints) + 1);
  CHECK(FindRuleKind("no_such_kind") == nullptr);
}

TEST_CASE("a rule of each kind reads back from YAML as its kind") {
  // The smallest rule each kind accepts.
  const std::pair<const char*, const char*> rules[] = {
      {"checklist", "items: [甲, 乙]"},
      {"checklist_points", "items: [{text: 甲, points: 1}]"},
      {"ratio", "value: 到位率"},
      {"steps", "{value: 到位率, full_at: 95%, step: 5%, deduct: 1}"},
      {"proportional", "{value: 到位率, target: 90%}"},
      {"bands", "{value: 到位率, bands: [{min: 90%, score: full}, {score: 0}]}"},
      {"all_or_nothing", "{}"},
      {"conditions", "{conditions: [{text: 甲, when: 到位率 > 0, points: 1}]}"},
      {"qualitative", "{}"},
      {"manual", "{}"},
      {"formula", "{formula: 到位率 * weight}"},
      {"pass_line", "{value: 到位率}"},
      {"target", "{target: ≥90%}"},
      {"budget_rate", "{}"},
      {"points", "points: [甲, 乙]"},
  };
  CHECK(std::size(rules) == RuleKindUnits().size());
  for (const auto& rule : rules) {  // named: CAPTURE captures it (clang 14 refuses a structured binding)
    const auto& kind = rule.first;
    const auto& keys = rule.second;
    CAPTURE(kind);
    std::string body = std::string(keys);
    if (body.front() == '{') body = body.substr(1, body.size() - 2);
    std::string yaml = std::string("name: 体系\ntotal: 10\nindicators:\n  - code: A\n    name: 甲\n    weight: 10\n") +
                       "    rule: {kind: " + kind + (body.empty() ? "" : ", " + body) + "}\n";
    testing::TempDir dir;
    std::string path = dir.Write("system.yaml", yaml);
    auto sys = LoadSystem(path);
    REQUIRE(sys->roots.size() == 1);
    REQUIRE(sys->roots[0].rule);
    CHECK(std::string(RuleKindName(sys->roots[0].rule->kind)) == kind);
    CHECK(FindRuleKind(kind)->kind() == sys->roots[0].rule->kind);
  }
}

TEST_CASE("a rule's parameters are its kind's: set with the kind, refused to another kind") {
  StepsParams steps;
  steps.full_at = Decimal(1);
  Rule rule;
  rule.SetParams(steps);
  CHECK(rule.kind == RuleKind::kSteps);
  CHECK(rule.Params<StepsParams>().full_at == Decimal(1));
  CHECK_THROWS_AS(rule.Params<TargetParams>(), std::logic_error);
  // Copies share the parameters, which never change after loading.
  Rule copy = rule;
  CHECK(&copy.Params<StepsParams>() == &rule.Params<StepsParams>());
  // A rule given only its kind (a 自评表's rows) reads the kind's defaults.
  Rule target;
  target.kind = RuleKind::kTarget;
  CHECK(target.Params<TargetParams>().target_text.empty());
  CHECK(StatedTarget(target).empty());
  CHECK(StatedTarget(rule).empty());  // another kind states no 年度指标值
}
