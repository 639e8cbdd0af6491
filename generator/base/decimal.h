// Exact decimal numbers for every figure jixiao computes or prints.
//
// Takes decimal text ("925.59", "78.43%", "-3") and gives exact values:
// sums, products and quotients are exact rationals (two integers while
// they fit a word, GMP mpq past that), so 925.59 / 1022.04 is held exactly
// and only rounded when a stated display precision asks for it. Rounding is
// 四舍五入: half away from zero.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "base/precision.h"

namespace jixiao {

// The most decimal digits the numerator or the denominator of an exact
// value may have. Real figures have a few dozen; only values computed from
// values computed from values (a metric that squares the one before, forty
// times over) come near it. Arithmetic checks its operands' sizes before it
// computes and throws DecimalLimitError instead of a result that could pass
// the limit; Parse refuses longer numbers.
inline constexpr size_t kMaxExactDigits = 10000;

// The largest single allocation GMP may make (a value of kMaxExactDigits
// digits needs about 4 KB). GMP's allocation failures, and requests past
// this, throw std::bad_alloc instead of aborting (decimal.cpp installs the
// functions before main).
inline constexpr size_t kMaxGmpAllocationBytes = size_t{16} << 20;

class DecimalLimitError : public std::runtime_error {
 public:
  DecimalLimitError()
      : std::runtime_error("an exact value would have more than " + std::to_string(kMaxExactDigits) +
                           " digits in its numerator or denominator") {}
};

class Decimal {
 public:
  Decimal() = default;
  Decimal(long v);  // NOLINT: small integers read naturally
  explicit Decimal(const mpq_class& q);
  explicit Decimal(mpq_class&& q);
  Decimal(const Decimal& o);
  Decimal& operator=(const Decimal& o);
  Decimal(Decimal&& o) noexcept = default;
  Decimal& operator=(Decimal&& o) noexcept = default;

  // Parses "12", "-3.5", "1,022.04", "90.56%" (a percent sign divides by
  // 100). Rejects anything else, including exponents and binary floats,
  // and numbers of more than kMaxExactDigits digits.
  static std::optional<Decimal> Parse(std::string_view text);

  Decimal operator+(const Decimal& o) const;
  Decimal operator-(const Decimal& o) const;
  Decimal operator*(const Decimal& o) const;
  // Division by zero is the caller's to prevent; it aborts in GMP.
  // + - * / throw DecimalLimitError, before computing, when the result's
  // numerator or denominator could have more than kMaxExactDigits digits.
  Decimal operator/(const Decimal& o) const;
  Decimal operator-() const;
  Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
  Decimal& operator-=(const Decimal& o) { return *this = *this - o; }

  bool operator==(const Decimal& o) const { return Compare(o) == 0; }
  bool operator!=(const Decimal& o) const { return Compare(o) != 0; }
  bool operator<(const Decimal& o) const { return Compare(o) < 0; }
  bool operator<=(const Decimal& o) const { return Compare(o) <= 0; }
  bool operator>(const Decimal& o) const { return Compare(o) > 0; }
  bool operator>=(const Decimal& o) const { return Compare(o) >= 0; }

  bool IsZero() const { return Sign() == 0; }
  bool IsInteger() const { return big_ ? big_->get_den() == 1 : d_ == 1; }
  int Sign() const { return big_ ? sgn(*big_) : (n_ > 0) - (n_ < 0); }

  // Half-up (away from zero) at `places` decimals.
  Decimal Round(int places) const;
  Decimal Ceil() const;
  Decimal Floor() const;
  Decimal Abs() const { return Sign() < 0 ? -*this : *this; }

  // Callers name the precision they show with a constant of
  // base/precision.h. The defaults remain only for rules/kinds/, which is
  // being converted; no other caller may rely on them
  // (tests/precision_literals.sh).

  // Fixed notation after rounding: 3 at 2 places is "3.00".
  std::string ToFixed(int places) const;
  // Rounded, then trailing zeros dropped: "3", "4.71", "25.7". This is how
  // the seeds print scores.
  std::string ToShort(int places = kScorePlaces) const;
  // A rate (0.9056) as a percent with `places` decimals: "90.56%".
  std::string ToPercent(int places = kPercentPlaces) const;
  // The same with trailing zeros dropped, for thresholds: "95%", "62.5%".
  std::string ToPercentShort(int places = kRuleLimitPlaces) const;
  // The exact value when it has a finite decimal form of at most 12
  // places, otherwise rounded to 12: for messages and JSON of raw values.
  std::string ToExactString() const;

  // The value as a GMP rational.
  mpq_class Raw() const;
  // Decimal digits of the numerator and of the denominator (GMP's count:
  // exact, or one too many).
  size_t NumeratorDigits() const;
  size_t DenominatorDigits() const;

 private:
  // Nearly every figure jixiao meets (amounts, counts, rates, scores) is a
  // fraction whose parts fit a machine word, and GMP allocates for every
  // rational it makes. Such a value is kept as n_/d_ in lowest terms (d_ > 0,
  // both at most kSmall in magnitude) and computed on in 128-bit integers;
  // any other is held by GMP in big_ (then n_/d_ are 0/1). Results that fit
  // go back to the small form, so the two never differ in value.
  static constexpr std::int64_t kSmall = std::int64_t{1} << 62;
  int Compare(const Decimal& o) const;
  std::int64_t n_ = 0;
  std::int64_t d_ = 1;
  std::unique_ptr<mpq_class> big_;
  friend struct DecimalAccess;
};

inline Decimal Min(const Decimal& a, const Decimal& b) { return b < a ? b : a; }
inline Decimal Max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }

}  // namespace jixiao
