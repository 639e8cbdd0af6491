// Typed values of the self-evaluation table: a 年度指标值 or 实际完成值
// as a clerk writes it ("≥70%", "不低于上年", "≤1000000元", "达到100%",
// "1.13万人次", "是", "有所提升") in; its direction, number, unit and kind
// out.
//
// Numbers are exact (Decimal) and kept in a base unit: 万 and 亿 are
// multiplied out, so "1.13万人次" and "11300人次" compare equal, as do
// "100万元" and "1000000元". A percentage is a fraction (70% → 0.7). Text
// with no number, or with a number that is not a measure (a date such as
// "12月底前", two numbers), is a qualitative phrase.
#pragma once

#include <string>
#include <string_view>

#include "base/decimal.h"

namespace jixiao {

enum class Direction {
  kNone,     // nothing written: a bare "100%" (read as kEqual by a target)
  kAtLeast,  // ≥, 不低于, 不少于, 达到, …以上 (strict: >, 高于, 超过)
  kAtMost,   // ≤, 不高于, 不超过, …以内, …以下 (strict: <, 低于, 少于)
  kEqual,    // =, 等于
};

enum class ValueKind {
  kNumber,    // a measure: 70%, 3304人, 100万元
  kYesNo,     // 是/否, 有/无
  kLastYear,  // 不低于上年, 高于上年, 与上年持平: the number is last year's value
  kText,      // a qualitative phrase: 有所提升, 成效明显
};

struct TypedValue {
  std::string text;  // as written, trimmed
  ValueKind kind = ValueKind::kText;
  Direction direction = Direction::kNone;
  bool strict = false;  // > or <, not ≥ or ≤
  Decimal number;       // in the base unit; a percentage as a fraction
  bool percent = false;
  std::string unit;  // base unit ("人次", "元", "元/人"), "" when none
  std::string written_unit;  // the unit as written after the number: "万元", "%", "百分比"
  Decimal scale = Decimal(1);  // number = the written number × scale (万 10000, % 0.01)
  bool yes = false;  // kYesNo

  bool IsNumber() const { return kind == ValueKind::kNumber; }
  // The number with its unit, for sentences: "70%", "3304 人", "1000000 元".
  std::string Display() const;
};

TypedValue ParseTypedValue(std::string_view text);

// A bare number ("90") read in the unit of the value it is compared with
// ("≤90万元": 900000 元; "≥100百分比": 0.9 from "90"): true when it took
// one. A number that has a unit, or a reference without one, is left.
bool AdoptUnit(TypedValue& bare, const TypedValue& reference);

// Whether two numbers measure the same thing: both percentages, or both
// not with equal units (a side with no unit takes the other's).
bool SameMeasure(const TypedValue& a, const TypedValue& b);

// "≥", "≤", "=" or "" for a direction (with > and < when strict).
std::string DirectionSymbol(Direction d, bool strict);

}  // namespace jixiao
