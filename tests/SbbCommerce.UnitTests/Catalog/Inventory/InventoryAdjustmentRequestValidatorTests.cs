using SbbCommerce.Api.Modules.Catalog.Inventory;

namespace SbbCommerce.UnitTests.Catalog.Inventory;

public sealed class InventoryAdjustmentRequestValidatorTests
{
    private readonly InventoryAdjustmentRequestValidator _validator = new();

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Given_a_non_zero_delta_and_a_reason_Then_it_is_accepted(int delta)
    {
        _validator.TestValidate(new InventoryAdjustmentRequest(delta, "cycle count")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    [InlineData(-1_000_001)]
    public void Given_a_zero_or_huge_delta_Then_it_is_refused(int delta)
    {
        _validator.TestValidate(new InventoryAdjustmentRequest(delta, "count")).ShouldHaveValidationErrorFor(request => request.Delta);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Given_no_reason_Then_it_is_refused(string? reason)
    {
        _validator.TestValidate(new InventoryAdjustmentRequest(5, reason!)).ShouldHaveValidationErrorFor(request => request.Reason);
    }

    [Fact]
    public void Given_a_reason_of_501_characters_Then_it_is_refused()
    {
        _validator.TestValidate(new InventoryAdjustmentRequest(5, new string('x', 501))).ShouldHaveValidationErrorFor(request => request.Reason);
    }
}
