using SbbCommerce.Api.Common.Json;
using SbbCommerce.Api.Common.Compliance;
using SbbCommerce.Api.Modules.Cart.Contracts;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders;
using SbbCommerce.Api.Modules.Orders.Checkout;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.UnitTests.Orders.Checkout;

/// <summary>
/// <see cref="CheckoutRules"/>: each refusal from facts that pass every other rule, and the order in which they are
/// checked when several fail.
/// </summary>
public sealed class CheckoutRulesTests
{
    private static readonly ProductSnapshot Peptide = new(
        Guid.NewGuid(), "BPC-157-5MG", "BPC-157 5 mg", "bpc-157-5mg", ProductType.Peptide, ProductStatus.Active, IsDeleted: false,
        PriceCents: 4_900, CompareAtCents: null, TrackInventory: true, QuantityAvailable: 10, WeightGrams: 20,
        RequiresAgeVerification: false, RequiresKyc: false, RestrictedStates: [], RestrictedCountries: ["CA"], CurrentBatchNumber: null);

    private static readonly CheckoutRules.Facts Passing = new(
        new CheckoutRequest(Guid.NewGuid(), null, Guid.NewGuid(), ComplianceAcknowledged: true, ComplianceVersion: "2026-11", CustomerNotes: null),
        Quote([new CheckoutLine(Peptide.Id, 2, 4_900, Purchasable: true)], totalCents: 9_800),
        new Dictionary<Guid, ProductSnapshot> { [Peptide.Id] = Peptide },
        new CustomerCompliance(Guid.NewGuid(), "ada@example.com", "Ada Lovelace", UserStatus.Active, EmailVerified: true, AgeVerified: true, KycStatus: "none"),
        new CustomerAddress(Guid.NewGuid(), "shipping", "Ada Lovelace", null, "1 Main St", null, "Austin", "TX", "78701", "US", null),
        new PaymentMethodView(Guid.NewGuid(), PaymentMethodType.Zelle, "Zelle", "Send to pay@sbb.test", JsonValues.Parse("{}"),
            MinAmountCents: 1_000, MaxAmountCents: 100_000, ConfirmationWindowHours: 48, SortOrder: 1, IconUrl: null),
        new ComplianceOptions { Version = "2026-11", MinimumAge = 21 },
        RequireVerifiedEmail: true);

    [Fact]
    public void Given_facts_that_meet_every_rule_When_checked_Then_nothing_is_refused()
    {
        Assert.Null(CheckoutRules.FirstRefusal(Passing));
    }

    [Fact]
    public void Given_no_cart_When_checked_Then_cart_empty()
    {
        AssertRefused(Passing with { Quote = null }, OrdersErrors.CartEmpty);
    }

    [Fact]
    public void Given_a_cart_with_only_withdrawn_products_When_checked_Then_cart_empty()
    {
        AssertRefused(Passing with { Quote = Quote([new CheckoutLine(Peptide.Id, 1, 4_900, Purchasable: false)], 4_900) }, OrdersErrors.CartEmpty);
    }

    [Fact]
    public void Given_a_withdrawn_product_next_to_a_purchasable_one_When_checked_Then_product_unavailable_names_it()
    {
        var withdrawn = Guid.NewGuid();
        var facts = Passing with
        {
            Quote = Quote([new CheckoutLine(Peptide.Id, 1, 4_900, Purchasable: true), new CheckoutLine(withdrawn, 1, 1_000, Purchasable: false)], 5_900),
        };

        var problem = AssertRefused(facts, OrdersErrors.ProductUnavailable);

        Assert.Equal(withdrawn, Assert.Single(Assert.IsType<List<Guid>>(problem.Extensions["productIds"])));
    }

    [Fact]
    public void Given_an_unverified_email_When_checkout_requires_one_Then_email_not_verified()
    {
        AssertRefused(Passing with { Customer = Passing.Customer with { EmailVerified = false } }, OrdersErrors.EmailNotVerified);
    }

    [Fact]
    public void Given_an_unverified_email_When_checkout_does_not_require_one_Then_nothing_is_refused()
    {
        Assert.Null(CheckoutRules.FirstRefusal(Passing with { Customer = Passing.Customer with { EmailVerified = false }, RequireVerifiedEmail = false }));
    }

    [Fact]
    public void Given_no_acknowledgement_When_checked_Then_compliance_not_acknowledged()
    {
        AssertRefused(Passing with { Request = Passing.Request with { ComplianceAcknowledged = false } }, OrdersErrors.ComplianceNotAcknowledged);
    }

    [Fact]
    public void Given_an_older_statement_version_When_checked_Then_compliance_version_outdated_names_the_current_one()
    {
        var problem = AssertRefused(Passing with { Request = Passing.Request with { ComplianceVersion = "2025-01" } }, OrdersErrors.ComplianceVersionOutdated);

        Assert.Equal("2026-11", problem.Extensions["currentVersion"]);
    }

    [Fact]
    public void Given_an_age_restricted_product_and_an_unverified_buyer_When_checked_Then_age_verification_required()
    {
        var facts = WithProduct(Peptide with { RequiresAgeVerification = true }) with { Customer = Passing.Customer with { AgeVerified = false } };

        var problem = AssertRefused(facts, OrdersErrors.AgeVerificationRequired);

        Assert.Equal(21, problem.Extensions["minimumAge"]);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("pending")]
    [InlineData("rejected")]
    public void Given_a_kyc_product_and_kyc_not_approved_When_checked_Then_kyc_required(string kycStatus)
    {
        var facts = WithProduct(Peptide with { RequiresKyc = true }) with { Customer = Passing.Customer with { KycStatus = kycStatus } };

        AssertRefused(facts, OrdersErrors.KycRequired);
    }

    [Fact]
    public void Given_a_kyc_product_and_kyc_approved_When_checked_Then_nothing_is_refused()
    {
        var facts = WithProduct(Peptide with { RequiresKyc = true }) with { Customer = Passing.Customer with { KycStatus = "approved" } };

        Assert.Null(CheckoutRules.FirstRefusal(facts));
    }

    [Fact]
    public void Given_a_restricted_country_When_checked_Then_shipping_restricted()
    {
        var problem = AssertRefused(Passing with { ShippingAddress = Passing.ShippingAddress with { CountryCode = "CA", StateProvince = "ON" } },
            OrdersErrors.ShippingRestricted);

        Assert.Equal("CA", problem.Extensions["country"]);
    }

    [Fact]
    public void Given_a_restricted_us_state_in_another_case_When_checked_Then_shipping_restricted()
    {
        AssertRefused(WithProduct(Peptide with { RestrictedStates = ["TX"] }) with { ShippingAddress = Passing.ShippingAddress with { StateProvince = "tx" } },
            OrdersErrors.ShippingRestricted);
    }

    [Fact]
    public void Given_a_state_restriction_When_shipping_abroad_to_a_region_of_that_name_Then_nothing_is_refused()
    {
        var facts = WithProduct(Peptide with { RestrictedStates = ["TX"] }) with
        {
            ShippingAddress = Passing.ShippingAddress with { CountryCode = "MX", StateProvince = "TX" },
        };

        Assert.Null(CheckoutRules.FirstRefusal(facts));
    }

    [Fact]
    public void Given_no_payment_method_When_checked_Then_payment_method_unavailable()
    {
        AssertRefused(Passing with { Method = null }, OrdersErrors.PaymentMethodUnavailable);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(100_001)]
    public void Given_a_total_outside_the_method_limits_When_checked_Then_amount_out_of_range(int totalCents)
    {
        var problem = AssertRefused(Passing with { Quote = Passing.Quote! with { TotalCents = totalCents } }, OrdersErrors.AmountOutOfRange);

        Assert.Equal(totalCents, problem.Extensions["amountCents"]);
    }

    [Fact]
    public void Given_a_discount_that_no_longer_applies_When_checked_Then_discount_invalid_with_the_reason()
    {
        var problem = AssertRefused(Passing with { Quote = Passing.Quote! with { DiscountRefusal = "expired" } }, OrdersErrors.DiscountInvalid);

        Assert.Equal("expired", problem.Extensions["reason"]);
    }

    [Fact]
    public void Given_every_rule_broken_When_checked_Then_the_first_in_order_answers()
    {
        var facts = Passing with
        {
            Customer = Passing.Customer with { EmailVerified = false, AgeVerified = false },
            Request = Passing.Request with { ComplianceAcknowledged = false },
            Method = null,
        };

        AssertRefused(facts, OrdersErrors.EmailNotVerified);
        AssertRefused(facts with { RequireVerifiedEmail = false }, OrdersErrors.ComplianceNotAcknowledged);
    }

    private static CheckoutRules.Facts WithProduct(ProductSnapshot product) =>
        Passing with { Products = new Dictionary<Guid, ProductSnapshot> { [product.Id] = product } };

    private static CheckoutQuote Quote(IReadOnlyList<CheckoutLine> lines, int totalCents) =>
        new(Guid.NewGuid(), lines, totalCents, null, null, 0, null, 0, totalCents, null, null, null, []);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails AssertRefused(CheckoutRules.Facts facts, string code)
    {
        var refusal = CheckoutRules.FirstRefusal(facts);

        Assert.NotNull(refusal);
        Assert.Equal(422, refusal.StatusCode);
        Assert.Equal(code, refusal.ProblemDetails.Extensions["code"]);
        return refusal.ProblemDetails;
    }
}
