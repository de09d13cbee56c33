using System.Text.Json;
using SbbCommerce.Api.Common.Json;

namespace SbbCommerce.UnitTests.Common.Json;

public sealed class JsonValuesTests
{
    [Fact]
    public void Given_stored_json_When_parsed_Then_the_value_outlives_its_document()
    {
        var value = JsonValues.Parse("""{"street":"1 Main St","lines":[1,2]}""");

        Assert.Equal("1 Main St", value.GetProperty("street").GetString());
        Assert.Equal(2, value.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public void Given_no_stored_json_When_parsed_or_null_Then_it_stays_null()
    {
        Assert.Null(JsonValues.ParseOrNull(null));
        Assert.Equal(JsonValueKind.Object, JsonValues.ParseOrNull("{}")?.ValueKind);
    }
}
