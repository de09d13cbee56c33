using FluentValidation.TestHelper;
using Microsoft.Extensions.Time.Testing;
using SbbCommerce.Api.Modules.Identity.Passwords;
using SbbCommerce.Api.Modules.Identity.Registration;

namespace SbbCommerce.UnitTests.Identity;

public sealed class PasswordRulesTests
{
    private readonly RegisterRequestValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("Sturdy-Password-42", true)]
    [InlineData("longlowercase1", true)]
    [InlineData("ALLUPPERCASE!", true)]
    [InlineData("alllowercaseletters", false)]
    [InlineData("12345678901234", false)]
    [InlineData("!!!!!!!!!!!!", false)]
    [InlineData("", false)]
    public void Given_a_password_Then_two_classes_are_needed(string password, bool accepted)
    {
        Assert.Equal(accepted, PasswordRules.HasTwoClasses(password));
    }

    [Fact]
    public void Given_nine_characters_When_registering_Then_the_password_is_refused()
    {
        _validator.TestValidate(Request(password: "Abc-12345")).ShouldHaveValidationErrorFor(r => r.Password);
    }

    [Fact]
    public void Given_a_birth_date_in_the_future_When_registering_Then_it_is_refused()
    {
        _validator.TestValidate(Request(dateOfBirth: new DateOnly(2030, 1, 1))).ShouldHaveValidationErrorFor(r => r.DateOfBirth);
    }

    [Fact]
    public void Given_a_complete_request_When_registering_Then_it_is_accepted()
    {
        _validator.TestValidate(Request()).ShouldNotHaveAnyValidationErrors();
    }

    private static RegisterRequest Request(string password = "Sturdy-Password-42", DateOnly? dateOfBirth = null) => new(
        "ada@example.test", password, "Ada", "Lovelace", dateOfBirth, null, true, false, null, null, null, null, null, null, null);
}
