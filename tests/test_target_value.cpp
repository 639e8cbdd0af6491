// Typed values: every form of 年度指标值 and 实际完成值 the seeds and the
// budget systems write, with its direction, number, unit and kind.
#include <doctest/doctest.h>

#include "rules/target_value.h"

using namespace jixiao;

namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

void CheckNumber(const char* text, Direction dir, bool strict, const char* number, bool percent,
                 const char* unit) {
  CAPTURE(text);
  TypedValue v = ParseTypedValue(text);
  CHECK(v.kind == ValueKind::kNumber);
  CHECK(v.direction == dir);
  CHECK(v.strict == strict);
  CHECK(v.number == D(number));
  CHECK(v.percent == percent);
  CHECK(v.unit == unit);
}

}  // namespace

TEST_CASE("typed values: ≥ targets in their Chinese forms") {
  CheckNumber("≥70%", Direction::kAtLeast, false, "0.7", true, "");
  CheckNumber(">=70%", Direction::kAtLeast, false, "0.7", true, "");
  CheckNumber("≧ ７０ ％", Direction::kAtLeast, false, "0.7", true, "");  // full-width
  CheckNumber("不低于90%", Direction::kAtLeast, false, "0.9", true, "");
  CheckNumber("不少于3000人", Direction::kAtLeast, false, "3000", false, "人");
  CheckNumber("达到100%", Direction::kAtLeast, false, "1", true, "");
  CheckNumber("达到 80%以上", Direction::kAtLeast, false, "0.8", true, "");  // 003
  CheckNumber("80%及以上", Direction::kAtLeast, false, "0.8", true, "");
  CheckNumber("≥241000人", Direction::kAtLeast, false, "241000", false, "人");  // 004
  CheckNumber(">90%", Direction::kAtLeast, true, "0.9", true, "");
  CheckNumber("高于85%", Direction::kAtLeast, true, "0.85", true, "");
  CheckNumber("大于等于95%", Direction::kAtLeast, false, "0.95", true, "");
}

TEST_CASE("typed values: ≤ and = targets") {
  CheckNumber("≤1000000", Direction::kAtMost, false, "1000000", false, "");  // 004 成本
  CheckNumber("<=1000000元", Direction::kAtMost, false, "1000000", false, "元");
  CheckNumber("不超过100万元", Direction::kAtMost, false, "1000000", false, "元");
  CheckNumber("控制在5%以内", Direction::kAtMost, false, "0.05", true, "");
  CheckNumber("3天以内", Direction::kAtMost, false, "3", false, "天");
  CheckNumber("低于5%", Direction::kAtMost, true, "0.05", true, "");
  CheckNumber("≤500元/人", Direction::kAtMost, false, "500", false, "元/人");
  CheckNumber("=0", Direction::kEqual, false, "0", false, "");
  CheckNumber("＝0起", Direction::kEqual, false, "0", false, "起");
  CheckNumber("﹦100%", Direction::kEqual, false, "1", true, "");  // the budget system's ﹦
  CheckNumber("等于100%", Direction::kEqual, false, "1", true, "");
}

TEST_CASE("typed values: bare numbers, units and 万") {
  CheckNumber("100%", Direction::kNone, false, "1", true, "");
  CheckNumber("90.4%", Direction::kNone, false, "0.904", true, "");
  CheckNumber("3304人", Direction::kNone, false, "3304", false, "人");
  CheckNumber("1.13万人次", Direction::kNone, false, "11300", false, "人次");
  CheckNumber("1019.79万人次", Direction::kNone, false, "10197900", false, "人次");
  CheckNumber("100万元", Direction::kNone, false, "1000000", false, "元");
  CheckNumber("1,022.04万元", Direction::kNone, false, "10220400", false, "元");
  CheckNumber("1528家", Direction::kNone, false, "1528", false, "家");
  CheckNumber("市域内覆盖100%", Direction::kNone, false, "1", true, "");  // 003: text before the number
  CheckNumber("241000", Direction::kNone, false, "241000", false, "");
  CheckNumber("70。", Direction::kNone, false, "70", false, "");
  CHECK(ParseTypedValue("1.13万人次").Display() == "11300人次");
  CHECK(ParseTypedValue("≥70%").Display() == "70%");
  CHECK(ParseTypedValue("90.4%").Display() == "90.4%");
}

TEST_CASE("typed values: yes/no, last year and qualitative phrases") {
  TypedValue yes = ParseTypedValue("是");
  CHECK(yes.kind == ValueKind::kYesNo);
  CHECK(yes.yes);
  CHECK(ParseTypedValue("否").kind == ValueKind::kYesNo);
  CHECK_FALSE(ParseTypedValue("无").yes);

  TypedValue ly = ParseTypedValue("不低于上年");  // 001 时效指标
  CHECK(ly.kind == ValueKind::kLastYear);
  CHECK(ly.direction == Direction::kAtLeast);
  CHECK(ParseTypedValue("不高于上年度").direction == Direction::kAtMost);
  CHECK(ParseTypedValue("与上年持平").direction == Direction::kEqual);

  for (const char* q : {"有所提升", "成效明显", "明显提高", "有效缓解", "有所缓解",
                        "符合救助条件的对象按规定纳入救助范围", "“应保尽保”、“应救尽救”",
                        "12月底前完成", "2023年12月31日前", "5-10天", "达到预期"}) {
    CAPTURE(q);
    TypedValue v = ParseTypedValue(q);
    CHECK(v.kind == ValueKind::kText);
    CHECK(v.direction == Direction::kNone);
    CHECK(v.text == q);
  }
  CHECK(ParseTypedValue("").kind == ValueKind::kText);
}

TEST_CASE("typed values: the same measure") {
  CHECK(SameMeasure(ParseTypedValue("≥1万人次"), ParseTypedValue("11300人次")));
  CHECK(SameMeasure(ParseTypedValue("≤1000000"), ParseTypedValue("100万元")));  // no unit takes the other's
  CHECK_FALSE(SameMeasure(ParseTypedValue("≥70%"), ParseTypedValue("70")));
  CHECK_FALSE(SameMeasure(ParseTypedValue("≥10家"), ParseTypedValue("12人")));
  CHECK_FALSE(SameMeasure(ParseTypedValue("有所提升"), ParseTypedValue("有所提升")));
}
