"""Default assumptions [ASM] of FEASIBILITY.md: figures a user is expected to override.

Legal rates are not here: they live, dated and sourced, in ``rates.json``.
"""

from decimal import Decimal

# §1.5: works cost per m² gross floor area, 2025 prices, excl. VAT and fees.
WORKS_COST_PER_M2 = {
    "light": Decimal("500"),
    "deep": Decimal("1350"),
    "conversion": Decimal("1700"),
    "rebuild": Decimal("2200"),
}
WORKS_DEPTH = "deep"

# §1.8: contingency as a share of works. FEASIBILITY.md gives no figure for a rebuild; new
# construction has the fewest unknowns, so it gets the light-refresh figure.
CONTINGENCY_RATE = {
    "light": Decimal("0.05"),
    "deep": Decimal("0.10"),
    "conversion": Decimal("0.15"),
    "rebuild": Decimal("0.05"),
}

# §1.3: other deed costs excl. VAT; §1.6: all professional fees as a share of works.
DEED_COSTS = Decimal("1300")
FEE_RATE = Decimal("0.12")
# §1.8 gives soft costs as 1.5-3 % of works without a single default; 2 % is this engine's choice.
SOFT_COSTS_RATE = Decimal("0.02")

# §1.3 and §1.9: the secured amount is the loan plus 10 % accessories; fixed credit costs.
SECURED_FACTOR = Decimal("1.10")
MORTGAGE_FIXED_COSTS = Decimal("2500")
# §1.8: interest during works over 12 months of linear drawdown.
INTEREST_DURING_WORKS_MONTHS = 12

# §2.7: households hold a community land trust's land through a 99-year long lease.
LEASE_YEARS = 99

# §2.3 and §2.9: a bank loan of 70 % of the total at 3.5 % over 25 years; the rest is equity.
BANK_LOAN_SHARE = Decimal("0.70")
BANK_RATE = Decimal("0.035")
BANK_YEARS = 25
PERIODS_PER_YEAR = 12
# §2.5: a revolving fund lends at a low or zero rate and is repaid in one go after 20 years.
REVOLVING_FUND_RATE = Decimal("0")
REVOLVING_FUND_YEARS = 20

# §3: operation.
MAINTENANCE_PER_M2_YEAR = Decimal("18")
INSURANCE_PER_M2_YEAR = Decimal("2.50")
MANAGEMENT_PER_UNIT_YEAR = Decimal("300")
VACANCY_RATE = Decimal("0.03")
SHARE_RETURN_RATE = Decimal("0")

# §4: life-cycle cost.
STUDY_PERIOD_YEARS = 40
DISCOUNT_RATE = Decimal("0.03")

# §2.3: banks lend up to 70-80 % of the total; above this share the engine warns.
MAX_BANK_LOAN_SHARE = Decimal("0.80")

# Terms of a borrowed tranche by kind: (annual rate, years, repayment). None means the user must
# give the figure: FEASIBILITY.md has no sourced default for member loans or third-party finance.
LOAN_TERMS = {
    "bank_loan": (BANK_RATE, BANK_YEARS, "annuity"),
    "member_loan": (None, None, "annuity"),
    "revolving_fund": (REVOLVING_FUND_RATE, REVOLVING_FUND_YEARS, "bullet"),
    "third_party": (None, None, "annuity"),
}
