using SbbCommerce.Api.Modules.Orders.OrderNotes;

namespace SbbCommerce.UnitTests.Orders.OrderNotes;

public sealed class OrderNotesRequestValidatorTests
{
    private readonly OrderNotesRequestValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("call before shipping")]
    public void Given_notes_up_to_the_limit_When_validating_Then_they_pass(string? notes)
    {
        _validator.TestValidate(new OrderNotesRequest(notes)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_notes_longer_than_10000_When_validating_Then_they_are_refused()
    {
        _validator.TestValidate(new OrderNotesRequest(new string('n', 10_001))).ShouldHaveValidationErrorFor(r => r.InternalNotes);
    }
}
