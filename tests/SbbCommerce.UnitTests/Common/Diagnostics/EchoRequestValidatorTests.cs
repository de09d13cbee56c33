using SbbCommerce.Api.Common.Diagnostics;

namespace SbbCommerce.UnitTests.Common.Diagnostics;

public sealed class EchoRequestValidatorTests
{
    private readonly EchoRequestValidator _validator = new();

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Given_an_empty_message_Then_it_is_refused(string? message)
    {
        _validator.TestValidate(new EchoRequest(message!)).ShouldHaveValidationErrorFor(request => request.Message);
    }

    [Fact]
    public void Given_a_message_of_101_characters_Then_it_is_refused()
    {
        _validator.TestValidate(new EchoRequest(new string('x', 101))).ShouldHaveValidationErrorFor(request => request.Message);
    }

    [Fact]
    public void Given_a_short_message_Then_it_is_accepted()
    {
        _validator.TestValidate(new EchoRequest("hello")).ShouldNotHaveAnyValidationErrors();
    }
}
