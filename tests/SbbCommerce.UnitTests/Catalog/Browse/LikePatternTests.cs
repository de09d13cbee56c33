using SbbCommerce.Api.Modules.Catalog.Browse;

namespace SbbCommerce.UnitTests.Catalog.Browse;

public sealed class LikePatternTests
{
    [Theory]
    [InlineData("bpc", "bpc")]
    [InlineData("50%", "50\\%")]
    [InlineData("a_b", "a\\_b")]
    [InlineData("c:\\x", "c:\\\\x")]
    public void Given_user_text_Then_its_wildcards_are_escaped(string text, string escaped)
    {
        Assert.Equal(escaped, LikePattern.Escape(text));
    }
}
