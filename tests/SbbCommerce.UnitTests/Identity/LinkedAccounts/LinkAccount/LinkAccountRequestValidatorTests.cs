using SbbCommerce.Api.Modules.Identity.LinkedAccounts.LinkAccount;

namespace SbbCommerce.UnitTests.Identity.LinkedAccounts.LinkAccount;

public sealed class LinkAccountRequestValidatorTests
{
    private readonly LinkAccountRequestValidator _validator = new();

    [Fact]
    public void Given_an_id_token_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new LinkAccountRequest("header.payload.signature", "nonce")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_id_token_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new LinkAccountRequest("", null)).ShouldHaveValidationErrorFor(r => r.IdToken);
    }

    [Fact]
    public void Given_a_nonce_over_512_characters_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new LinkAccountRequest("t", new string('n', 513))).ShouldHaveValidationErrorFor(r => r.Nonce);
    }
}
