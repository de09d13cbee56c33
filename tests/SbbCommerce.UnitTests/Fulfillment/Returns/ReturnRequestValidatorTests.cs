using SbbCommerce.Api.Modules.Fulfillment.Returns;

namespace SbbCommerce.UnitTests.Fulfillment.Returns;

public sealed class ReturnRequestValidatorTests
{
    private readonly ReturnRequestValidator _validator = new();

    [Fact]
    public void Given_a_return_without_reason_When_validating_Then_the_reason_is_refused()
    {
        _validator.TestValidate(new ReturnRequest([new(Guid.NewGuid(), 1)], true, "")).ShouldHaveValidationErrorFor(r => r.Reason);
    }

    [Fact]
    public void Given_a_line_twice_When_validating_Then_items_are_refused()
    {
        var line = Guid.NewGuid();

        _validator.TestValidate(new ReturnRequest([new(line, 1), new(line, 2)], true, "x")).ShouldHaveValidationErrorFor(r => r.Items);
    }

    [Fact]
    public void Given_one_line_and_a_reason_When_validating_Then_it_passes()
    {
        _validator.TestValidate(new ReturnRequest([new(Guid.NewGuid(), 1)], false, "damaged")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_zero_quantity_When_validating_Then_the_quantity_is_refused()
    {
        _validator.TestValidate(new ReturnRequest([new(Guid.NewGuid(), 0)], false, "damaged")).ShouldHaveValidationErrorFor("Items[0].Quantity");
    }
}
