using SbbCommerce.Api.Modules.Identity.Registration;

namespace SbbCommerce.UnitTests.Identity.Registration;

public sealed class RegisterRequestValidatorTests
{
    private readonly RegisterRequestValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Given_a_complete_request_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(Request()).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_password_of_nine_characters_When_validating_Then_the_password_is_refused()
    {
        _validator.TestValidate(Request() with { Password = "Abc-12345" }).ShouldHaveValidationErrorFor(r => r.Password);
    }

    [Fact]
    public void Given_a_birth_date_in_the_future_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Request() with { DateOfBirth = new DateOnly(2030, 1, 1) }).ShouldHaveValidationErrorFor(r => r.DateOfBirth);
    }

    [Fact]
    public void Given_an_email_without_an_at_sign_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Request() with { Email = "ada.example.test" }).ShouldHaveValidationErrorFor(r => r.Email);
    }

    [Fact]
    public void Given_a_phone_with_letters_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Request() with { Phone = "call me" }).ShouldHaveValidationErrorFor(r => r.Phone);
    }

    [Fact]
    public void Given_no_first_name_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Request() with { FirstName = "" }).ShouldHaveValidationErrorFor(r => r.FirstName);
    }

    private static RegisterRequest Request() => new(
        "ada@example.test", "Sturdy-Password-42", "Ada", "Lovelace", null, null, true, false, null, null, null, null, null, null, null);
}
