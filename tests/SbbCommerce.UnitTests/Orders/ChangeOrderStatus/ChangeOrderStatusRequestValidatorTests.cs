using SbbCommerce.Api.Modules.Orders.ChangeOrderStatus;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.UnitTests.Orders.ChangeOrderStatus;

public sealed class ChangeOrderStatusRequestValidatorTests
{
    private readonly ChangeOrderStatusRequestValidator _validator = new();

    [Fact]
    public void Given_a_status_and_a_reason_When_validating_Then_it_passes()
    {
        _validator.TestValidate(new ChangeOrderStatusRequest(OrderStatus.Processing, "packing")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Given_no_reason_When_validating_Then_the_reason_is_refused(string? reason)
    {
        _validator.TestValidate(new ChangeOrderStatusRequest(OrderStatus.Processing, reason)).ShouldHaveValidationErrorFor(r => r.Reason);
    }

    [Fact]
    public void Given_a_reason_longer_than_1000_When_validating_Then_the_reason_is_refused()
    {
        _validator.TestValidate(new ChangeOrderStatusRequest(OrderStatus.Processing, new string('r', 1001))).ShouldHaveValidationErrorFor(r => r.Reason);
    }

    [Fact]
    public void Given_a_status_outside_the_enum_When_validating_Then_the_status_is_refused()
    {
        _validator.TestValidate(new ChangeOrderStatusRequest((OrderStatus)999, "x")).ShouldHaveValidationErrorFor(r => r.ToStatus);
    }
}
