using System.Text;
using System.Text.Json;
using SbbCommerce.Api.Common.Validation;

namespace SbbCommerce.UnitTests.Common.Validation;

public sealed class StorableTextTests
{
    [Theory]
    [InlineData("plain", true)]
    [InlineData("Zoë 😀", true)]
    [InlineData("", true)]
    [InlineData("a\0b", false)]
    public void Given_text_Then_it_is_storable_only_without_nul(string text, bool storable)
    {
        Assert.Equal(storable, StorableText.IsStorable(text));
    }

    [Fact]
    public void Given_unpaired_surrogates_Then_they_are_not_storable()
    {
        // Written here, not as theory data: the runner would serialise a lone surrogate into U+FFFD.
        Assert.False(StorableText.IsStorable("\ud800"));
        Assert.False(StorableText.IsStorable("a\udc00"));
        Assert.False(StorableText.IsStorable("x\ud83d"));
        Assert.False(StorableText.IsStorable("\ude00\ud83d"));
        Assert.True(StorableText.IsStorable("\ud83d\ude00"));
    }

    [Theory]
    [InlineData("""{"email":"a\u0000b"}""", "email")]
    [InlineData("""{"lines":[{"name":"ok"},{"name":"\ud800"}]}""", "lines[1].name")]
    [InlineData("""{"a":{"b":["x","y","\u0000"]}}""", "a.b[2]")]
    [InlineData("""["\u0000"]""", "[0]")]
    [InlineData("""{"n\u0000me":"x"}""", "(property name)")]
    [InlineData("""{"count":1,"flag":true,"tail":"\udc00"}""", "tail")]
    [InlineData("""{"url":"a\u0026b","tail":"x\uDC00"}""", "tail")]
    [InlineData("""{"t":"caf\u00e9","u":"\u0026\u0000"}""", "u")]
    public void Given_json_with_unstorable_text_Then_its_path_is_named(string json, string path)
    {
        Assert.Equal(path, StorableText.FindUnstorable(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"name":"Zoë \ud83d\ude00","n":[1,2,{"x":null}]}""")]
    [InlineData("""{"url":"https://x/?a=1\u0026b=2","t":"caf\u00e9 \/ \"q\" \n"}""")]
    [InlineData("""{"literal":"\\u0000 and \\uD800 are text here"}""")]
    [InlineData("""{"pair":"\uD83D\uDE00"}""")]
    [InlineData("""{"malformed":"\u00""")]
    [InlineData("""{"malformed":""")]
    [InlineData("")]
    public void Given_json_that_is_storable_or_malformed_Then_nothing_is_named(string json)
    {
        Assert.Null(StorableText.FindUnstorable(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"events":[],"\ud800abcdef":1}""", true)]
    [InlineData("""{"even\u0000ts":1}""", true)]
    [InlineData("""{"caf\u00e9":1,"events":[]}""", false)]
    [InlineData("""{"events":[{"n\u0000me":1}]}""", false)]
    [InlineData("""["\u0000"]""", false)]
    public void Given_json_When_its_own_property_names_are_checked_Then_only_an_unstorable_one_counts(string json, bool unstorable)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(unstorable, StorableText.HasUnstorablePropertyName(document.RootElement));
    }

    [Fact]
    public void Given_a_raw_nul_in_a_string_Then_it_is_left_to_the_binder_that_refuses_it()
    {
        byte[] json = [.. "{\"name\":\"a"u8, 0x00, .. "b\"}"u8];

        Assert.Null(StorableText.FindUnstorable(json));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json));
    }

    [Fact]
    public void Given_raw_invalid_utf8_beside_a_harmless_escape_Then_it_is_still_named()
    {
        byte[] json = [.. "{\"url\":\"a\\u0026b\",\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        Assert.Equal("name", StorableText.FindUnstorable(json));
    }

    [Theory]
    [InlineData("""{"a":"\\\u0000"}""", "a")]
    [InlineData("""{"b":"x\uD9ff"}""", "b")]
    [InlineData("""{"c":"\udB00"}""", "c")]
    public void Given_a_nul_or_surrogate_escape_after_other_escapes_Then_it_is_named(string json, string path)
    {
        Assert.Equal(path, StorableText.FindUnstorable(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Given_raw_invalid_utf8_in_a_string_Then_it_is_named()
    {
        byte[] json = [.. "{\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        Assert.Equal("name", StorableText.FindUnstorable(json));
    }
}
