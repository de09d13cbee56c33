using SbbCommerce.Api.Modules.Integration.Outbox;
using SbbCommerce.Fakes;

namespace SbbCommerce.IntegrationTests.Integration.Outbox;

/// <summary>A host whose ERP is a <see cref="FakePropello"/> on a loopback port.</summary>
public class ErpFixture : ApiFixture, IAsyncLifetime
{
    internal FakePropello Erp { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Erp:Propello:BaseUrl"] = Erp.BaseUrl,
        ["Erp:Propello:ApiKey"] = FakePropello.ApiKey,
        ["Erp:Propello:StoreId"] = FakePropello.StoreId,
        ["Erp:Propello:TimeoutSeconds"] = "2",
        ["Outbox:BaseRetryDelay"] = "00:00:10",
    };

    public new async Task InitializeAsync()
    {
        Erp = await FakePropello.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Erp.DisposeAsync();
    }
}

internal static class OutboxTestHelpers
{
    /// <summary>Runs drain passes until one claims nothing; returns the passes' sum.</summary>
    public static async Task<DrainResult> DrainAsync(this ApiFixture fixture, Func<CancellationToken, Task>? beforeMarking = null)
    {
        var total = DrainResult.Empty;
        while (true)
        {
            await using var scope = fixture.CreateScope();
            var drain = scope.ServiceProvider.GetRequiredService<OutboxDrain>();
            drain.BeforeMarking = beforeMarking;
            var pass = await drain.RunOnceAsync(CancellationToken.None);
            if (pass.Claimed == 0)
            {
                return total;
            }

            total = new DrainResult(total.Claimed + pass.Claimed, total.Sent + pass.Sent, total.Retrying + pass.Retrying, total.Dead + pass.Dead);
        }
    }

    public static Task<string> OutboxStatusAsync(this ApiFixture fixture, Guid messageId) =>
        fixture.ScalarAsync<string>("SELECT status FROM webhooks_outbox WHERE id = @id", ("id", messageId));

    public static Task<long> OutboxCountAsync(this ApiFixture fixture, string destination, string status) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE destination = @d AND status = @s", ("d", destination), ("s", status));
}
