using SbbCommerce.Api.Modules.Payments.Jobs;
using SbbCommerce.Api.Modules.Payments.Proofs;

namespace SbbCommerce.IntegrationTests.Payments.Jobs;

/// <summary>The factory gives each fixture its own temporary storage root; the payments are real rows.</summary>
public sealed class OrphanProofCleanupJobTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan PastGrace = TimeSpan.FromHours(2);

    [Fact]
    public async Task Given_an_old_proof_file_no_payment_names_When_the_cleanup_runs_Then_it_is_deleted()
    {
        var orphan = await StoreOrphanAsync(writtenAgo: PastGrace);

        Assert.True(await RunAsync() >= 1);

        Assert.False(File.Exists(Proofs().PathOf(orphan)));
    }

    [Fact]
    public async Task Given_an_old_proof_file_a_payment_names_When_the_cleanup_runs_Then_it_is_kept()
    {
        var submitted = await fixture.SubmittedAsync();
        var key = await fixture.ScalarAsync<string>("SELECT proof_file_url FROM payments WHERE id = @id", ("id", submitted.PaymentId));
        Age(key, PastGrace);

        await RunAsync();

        Assert.Equal(PaymentsApi.Png, await File.ReadAllBytesAsync(Proofs().PathOf(key)));
    }

    [Fact]
    public async Task Given_a_proof_file_younger_than_the_grace_period_When_the_cleanup_runs_Then_it_is_kept()
    {
        // A submission whose transaction has not committed yet looks exactly like this.
        var young = await StoreOrphanAsync(writtenAgo: TimeSpan.FromMinutes(50));

        await RunAsync();

        Assert.True(File.Exists(Proofs().PathOf(young)));
    }

    [Fact]
    public async Task Given_two_hosts_cleaning_at_once_When_both_run_Then_the_orphan_is_gone_and_the_named_file_stays()
    {
        var submitted = await fixture.SubmittedAsync();
        var named = await fixture.ScalarAsync<string>("SELECT proof_file_url FROM payments WHERE id = @id", ("id", submitted.PaymentId));
        Age(named, PastGrace);
        var orphan = await StoreOrphanAsync(writtenAgo: PastGrace);

        await Task.WhenAll(RunAsync(), RunAsync());

        Assert.False(File.Exists(Proofs().PathOf(orphan)));
        Assert.True(File.Exists(Proofs().PathOf(named)));
    }

    /// <summary>A file as a host that died between writing it and committing its payment leaves it.</summary>
    private async Task<string> StoreOrphanAsync(TimeSpan writtenAgo)
    {
        using var content = new MemoryStream(PaymentsApi.Png);
        var key = await Proofs().SaveAsync(content, fixture.Factory.Time.GetUtcNow(), CancellationToken.None);
        Age(key, writtenAgo);
        return key;
    }

    private void Age(string key, TimeSpan writtenAgo) =>
        File.SetLastWriteTimeUtc(Proofs().PathOf(key), (fixture.Factory.Time.GetUtcNow() - writtenAgo).UtcDateTime);

    private ProofFiles Proofs() => fixture.Factory.Services.GetRequiredService<ProofFiles>();

    private async Task<int> RunAsync()
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrphanProofCleanupJob>().RunAsync(CancellationToken.None);
    }
}
