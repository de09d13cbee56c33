using System.Text.Json;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Methods;

namespace SbbCommerce.UnitTests.Payments.Methods;

public sealed class PaymentMethodRequestValidatorTests
{
    private readonly PaymentMethodRequestValidator _validator = new();

    [Fact]
    public void Given_a_complete_method_When_validated_Then_it_is_accepted()
    {
        _validator.TestValidate(Method()).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_details_that_are_not_an_object_When_validated_Then_the_details_are_refused()
    {
        _validator.TestValidate(Method() with { Details = JsonDocument.Parse("[1]").RootElement.Clone() }).ShouldHaveValidationErrorFor(r => r.Details);
    }

    [Fact]
    public void Given_a_maximum_below_the_minimum_When_validated_Then_the_maximum_is_refused()
    {
        _validator.TestValidate(Method() with { MinAmountCents = 5_000, MaxAmountCents = 100 }).ShouldHaveValidationErrorFor(r => r.MaxAmountCents);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24 * 30 + 1)]
    public void Given_a_confirmation_window_outside_1_hour_to_30_days_When_validated_Then_it_is_refused(int hours)
    {
        _validator.TestValidate(Method() with { ConfirmationWindowHours = hours }).ShouldHaveValidationErrorFor(r => r.ConfirmationWindowHours);
    }

    [Fact]
    public void Given_no_name_and_no_instructions_When_validated_Then_both_are_refused()
    {
        var result = _validator.TestValidate(Method() with { Name = "", Instructions = "" });

        result.ShouldHaveValidationErrorFor(r => r.Name);
        result.ShouldHaveValidationErrorFor(r => r.Instructions);
    }

    [Fact]
    public void Given_an_unknown_method_type_When_validated_Then_the_type_is_refused()
    {
        _validator.TestValidate(Method() with { MethodType = (PaymentMethodType)999 }).ShouldHaveValidationErrorFor(r => r.MethodType);
    }

    private static PaymentMethodRequest Method() => new(PaymentMethodType.Venmo, "Venmo", "Pay @sbb with the reference in the note.",
        JsonDocument.Parse("""{"handle":"@sbb"}""").RootElement.Clone(), 100, 50_000, 24, 9);
}
