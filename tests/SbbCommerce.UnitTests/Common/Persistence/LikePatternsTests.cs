using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.UnitTests.Common.Persistence;

public sealed class LikePatternsTests
{
    [Theory]
    [InlineData("bpc", "bpc")]
    [InlineData("50%", "50\\%")]
    [InlineData("a_b", "a\\_b")]
    [InlineData("c:\\x", "c:\\\\x")]
    public void Given_user_text_Then_its_wildcards_are_escaped(string text, string escaped)
    {
        Assert.Equal(escaped, LikePatterns.Escape(text));
    }

    [Fact]
    public void Given_user_text_When_a_prefix_Then_only_the_trailing_wildcard_is_unescaped()
    {
        Assert.Equal("50\\%%", LikePatterns.Prefix("50%"));
    }

    [Fact]
    public void Given_user_text_When_a_substring_Then_it_is_wrapped_in_wildcards()
    {
        Assert.Equal("%a\\_b%", LikePatterns.Substring("a_b"));
    }
}
