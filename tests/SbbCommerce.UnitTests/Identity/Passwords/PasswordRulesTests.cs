using SbbCommerce.Api.Modules.Identity.Passwords;

namespace SbbCommerce.UnitTests.Identity.Passwords;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("Sturdy-Password-42", true)]
    [InlineData("longlowercase1", true)]
    [InlineData("ALLUPPERCASE!", true)]
    [InlineData("alllowercaseletters", false)]
    [InlineData("12345678901234", false)]
    [InlineData("!!!!!!!!!!!!", false)]
    [InlineData("", false)]
    public void Given_a_password_When_counting_its_classes_Then_two_are_needed(string password, bool accepted)
    {
        Assert.Equal(accepted, PasswordRules.HasTwoClasses(password));
    }
}
