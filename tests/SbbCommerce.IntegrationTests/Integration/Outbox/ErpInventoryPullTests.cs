using SbbCommerce.Api.Modules.Integration.Erp;
using SbbCommerce.Fakes;

namespace SbbCommerce.IntegrationTests.Integration.Outbox;

/// <summary>The pull heals missed webhooks: quantities changed since the watermark, paged, applied once.</summary>
public sealed class ErpInventoryPullTests(ErpFixture fixture) : IClassFixture<ErpFixture>
{
    [Fact]
    public async Task Given_ERP_quantities_over_two_pages_When_pulled_twice_Then_each_is_applied_once_and_the_second_pull_starts_at_the_watermark()
    {
        var first = await ProductAsync();
        var second = await ProductAsync();
        var t = fixture.Factory.Time.GetUtcNow();
        fixture.Erp.Items.Enqueue(new FakeErpItem(first.Sku, 42, t.AddMinutes(-3)));
        fixture.Erp.Items.Enqueue(new FakeErpItem("NO-SUCH-SKU", 5, t.AddMinutes(-2)));
        for (var i = 0; i < ErpInventoryPullJob.PageSize; i++)
        {
            fixture.Erp.Items.Enqueue(new FakeErpItem($"FILLER-{i}", 1, t.AddMinutes(-2)));
        }

        fixture.Erp.Items.Enqueue(new FakeErpItem(second.Sku, 7, t.AddMinutes(-1)));

        var applied = await PullAsync();
        var again = await PullAsync();

        Assert.Equal(2, applied); // the unknown SKUs of both pages are read, not applied
        Assert.Equal(0, again);
        Assert.Equal(42, await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", first.Id)));
        Assert.Equal(7, await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", second.Id)));
        Assert.EndsWith("+00:00", fixture.Erp.PullRequests.Last(), StringComparison.Ordinal);
        Assert.StartsWith(t.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            fixture.Erp.PullRequests.Last(), StringComparison.Ordinal);
        Assert.Empty(fixture.Erp.RuleViolations);
    }

    private async Task<int> PullAsync()
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ErpInventoryPullJob>().RunAsync(CancellationToken.None);
    }

    private async Task<(Guid Id, string Sku)> ProductAsync()
    {
        var id = await fixture.ProductAsync(onHand: 10);
        return (id, await fixture.ScalarAsync<string>("SELECT sku FROM products WHERE id = @id", ("id", id)));
    }
}
