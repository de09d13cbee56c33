using Microsoft.Extensions.Options;
using SbbCommerce.Api.Modules.Payments.Proofs;

namespace SbbCommerce.IntegrationTests.Payments.Customer;

public sealed class SubmitProofTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_another_customers_payment_When_sending_proof_Then_404_and_nothing_changes()
    {
        var placed = await fixture.PlaceAsync();
        var stranger = await fixture.PlaceAsync();

        var response = await stranger.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "payment_not_found");
        Assert.Equal("pending", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_an_executable_named_png_When_sending_proof_Then_422_invalid_file()
    {
        var placed = await fixture.PlaceAsync();
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

        var response = await placed.Client.SubmitProofAsync(placed.PaymentReference, executable, "receipt.png");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_file");
    }

    [Fact]
    public async Task Given_a_file_over_10_mb_When_sending_proof_Then_413()
    {
        var placed = await fixture.PlaceAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        PaymentsApi.Png.CopyTo(big, 0);

        var response = await placed.Client.SubmitProofAsync(placed.PaymentReference, big);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Given_no_customer_reference_When_sending_proof_Then_400_validation_failed()
    {
        var placed = await fixture.PlaceAsync();

        var response = await placed.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png, customerReference: " ");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_a_payment_already_submitted_When_sending_proof_again_Then_422_invalid_payment_state_and_no_second_file_is_stored()
    {
        var placed = await fixture.SubmittedAsync();
        var filesBefore = ProofFilesOnDisk();

        var response = await placed.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_payment_state");
        Assert.Equal(filesBefore, ProofFilesOnDisk());
    }

    [Fact]
    public async Task Given_the_database_refusing_the_submission_after_the_file_is_written_When_sending_proof_Then_no_file_is_left_behind()
    {
        var placed = await fixture.PlaceAsync();
        // The attempt row is written after the file: a trigger refusing this payment's attempt makes the save fail
        // once the file is on disk, so the transaction rolls back with a file written for it.
        var suffix = placed.PaymentId.ToString("N");
        await fixture.ExecuteAsync($"""
            CREATE FUNCTION refuse_{suffix}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_{suffix} BEFORE INSERT ON payment_attempts FOR EACH ROW
            WHEN (NEW.payment_id = '{placed.PaymentId}' AND NEW.action = 'customer_submit') EXECUTE FUNCTION refuse_{suffix}();
            """);
        var filesBefore = ProofFilesOnDisk();
        try
        {
            var response = await placed.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
        finally
        {
            await fixture.ExecuteAsync($"DROP TRIGGER refuse_{suffix} ON payment_attempts; DROP FUNCTION refuse_{suffix}();");
        }

        Assert.Equal(filesBefore, ProofFilesOnDisk());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM payments WHERE id = @id AND status = 'pending' AND proof_file_url IS NULL", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_a_proof_with_a_file_When_it_commits_Then_the_stored_file_is_the_one_the_payment_names()
    {
        var placed = await fixture.PlaceAsync();

        await (await placed.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png)).ReadAsync();

        var key = await fixture.ScalarAsync<string>("SELECT proof_file_url FROM payments WHERE id = @id", ("id", placed.PaymentId));
        Assert.Equal(PaymentsApi.Png, await File.ReadAllBytesAsync(Proofs().PathOf(key)));
    }

    private ProofFiles Proofs() => fixture.Factory.Services.GetRequiredService<ProofFiles>();

    private string[] ProofFilesOnDisk()
    {
        var root = Path.Combine(fixture.Factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Root, "proofs");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
