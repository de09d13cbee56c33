namespace SbbCommerce.IntegrationTests.Orders.OrderNotes;

public sealed class OrderNotesTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_an_order_When_an_admin_sets_notes_Then_200_and_the_change_is_audited()
    {
        var id = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order").GetProperty("id").GetGuid();

        var notes = await fixture.Admin().PatchAsJsonAsync($"/api/v1/admin/orders/{id}/notes", new { internalNotes = "called the customer" });

        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'order.notes_changed'", ("id", id)));
    }

    [Fact]
    public async Task Given_no_such_order_When_an_admin_sets_notes_Then_404_order_not_found()
    {
        var response = await fixture.Admin().PatchAsJsonAsync($"/api/v1/admin/orders/{Guid.NewGuid()}/notes", new { internalNotes = "x" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }
}
