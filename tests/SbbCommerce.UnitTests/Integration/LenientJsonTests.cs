using System.Text;
using System.Text.Json;
using SbbCommerce.Api.Modules.Integration;

namespace SbbCommerce.UnitTests.Integration;

public sealed class LenientJsonTests
{
    [Fact]
    public void Given_json_bytes_When_parsed_Then_the_root_outlives_the_document()
    {
        var root = LenientJson.Parse(Encoding.UTF8.GetBytes("""{"type":"order.paid","id":7}"""));

        Assert.Equal(JsonValueKind.Object, root?.ValueKind);
        Assert.Equal("order.paid", root!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public void Given_json_text_When_parsed_Then_it_reads_as_the_same_bytes_would()
    {
        Assert.Equal(3, LenientJson.Parse("""{"line_ids":[1,2,3]}""")?.GetProperty("line_ids").GetArrayLength());
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"truncated": """)]
    [InlineData("")]
    public void Given_a_body_that_is_not_json_When_parsed_Then_null(string body)
    {
        Assert.Null(LenientJson.Parse(body));
        Assert.Null(LenientJson.Parse(Encoding.UTF8.GetBytes(body)));
    }
}
