using System.Net;
using System.Text.Json;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Integration.Erp;

namespace SbbCommerce.UnitTests.Integration.Erp;

public sealed class PropelloWireTests
{
    [Theory]
    [InlineData("2026-11-27T16:51:51.1234567Z", "2026-11-27T16:51:51.123456+00:00")]
    [InlineData("2026-11-27T18:51:51+02:00", "2026-11-27T16:51:51.000000+00:00")]
    public void Given_a_time_When_formatted_for_Propello_Then_it_is_UTC_with_a_numeric_offset_and_no_Z(string input, string expected)
    {
        var formatted = PropelloJson.Format(DateTimeOffset.Parse(input, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, formatted);
        Assert.DoesNotContain("Z", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_sales_order_When_serialized_for_Propello_Then_names_are_snake_case_and_times_carry_an_offset()
    {
        var order = new ErpSalesOrder(Guid.NewGuid(), "SBB-1", Guid.NewGuid(), "a@b.c", "USD", 1000, 0, 500, 0, 1500, 1500,
            DateTimeOffset.UtcNow, new ErpAddress("Ann", null, "1 Main", null, "Austin", "TX", "73301", "US", null), null,
            [new ErpSalesOrderLine(Guid.NewGuid(), Guid.NewGuid(), "SKU-1", "Item", 2, 500, 1000)]);

        var json = JsonSerializer.Serialize<object>(order, PropelloJson.Options);

        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.TryGetProperty("order_number", out _));
        Assert.True(document.RootElement.GetProperty("lines")[0].TryGetProperty("unit_price_cents", out _));
        Assert.True(document.RootElement.GetProperty("shipping_address").TryGetProperty("street_line1", out _));
        Assert.EndsWith("+00:00", document.RootElement.GetProperty("paid_at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_answers_When_read_Then_the_ERP_id_and_line_ids_are_found_in_every_accepted_shape()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var byKey = Answer($$"""{ "id": "SO-1", "line_ids": { "{{first}}": "L1", "{{second}}": "L2" } }""");
        var byObjects = Answer($$"""{ "id": 42, "line_ids": [ { "order_item_id": "{{second}}", "line_id": "L2" } ] }""");
        var byPosition = Answer("""{ "id": "SO-3", "line_ids": [ "L1", "L2" ] }""");

        Assert.Equal("SO-1", byKey.ErpId());
        Assert.Equal("L2", byKey.LineIds([first, second])[second]);
        Assert.Equal("42", byObjects.ErpId());
        Assert.Equal("L2", Assert.Single(byObjects.LineIds([first, second])).Value);
        Assert.Equal(["L1", "L2"], byPosition.LineIds([first, second]).OrderBy(p => p.Value).Select(p => p.Value));
        Assert.Null(Answer("not json").ErpId());
        Assert.Empty(Answer("""{ "id": "X" }""").LineIds([first]));
    }

    private static PropelloAnswer Answer(string body) => new(HttpStatusCode.Created, body, null);
}
