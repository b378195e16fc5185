using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// A person's address book: up to <see cref="Address.MaxPerUser"/> Chinese addresses, exactly one of
/// them the default whenever there is any. Every change that touches the default runs in one
/// transaction that first locks the person's user row, so two requests at once cannot leave two
/// defaults, or none.
/// </summary>
public sealed class AddressService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public const string FieldRecipient = "Recipient";
    public const string FieldMobile = "Mobile";
    public const string FieldProvince = "Province";
    public const string FieldCity = "City";
    public const string FieldDistrict = "District";
    public const string FieldDetail = "Detail";

    /// <summary>Every problem with the input, per field (empty when it is fine).</summary>
    public static IReadOnlyList<AddressFieldError> Validate(AddressInput input)
    {
        var errors = new List<AddressFieldError>();
        var recipient = input.Recipient?.Trim() ?? "";
        if (recipient.Length == 0) errors.Add(new(FieldRecipient, CartErrors.RecipientRequired, []));
        else if (TextLength.Graphemes(recipient) > Address.RecipientMaxLength) errors.Add(new(FieldRecipient, CartErrors.RecipientTooLong, [Address.RecipientMaxLength]));
        if (!Address.IsValidMobile(NormaliseMobile(input.Mobile))) errors.Add(new(FieldMobile, CartErrors.MobileInvalid, []));
        foreach (var (field, value) in new[] { (FieldProvince, input.Province), (FieldCity, input.City), (FieldDistrict, input.District) })
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0) errors.Add(new(field, CartErrors.RegionRequired, []));
            else if (TextLength.Graphemes(text) > Address.RegionMaxLength) errors.Add(new(field, CartErrors.RegionTooLong, [Address.RegionMaxLength]));
        }
        var detail = input.Detail?.Trim() ?? "";
        if (detail.Length == 0) errors.Add(new(FieldDetail, CartErrors.DetailRequired, []));
        else if (TextLength.Graphemes(detail) > Address.DetailMaxLength) errors.Add(new(FieldDetail, CartErrors.DetailTooLong, [Address.DetailMaxLength]));
        return errors;
    }

    /// <summary>"138 1234 5678" and "138-1234-5678" are the same number.</summary>
    public static string NormaliseMobile(string? mobile) =>
        new((mobile ?? "").Where(c => c is not (' ' or '-')).ToArray());

    public async Task<IReadOnlyList<Address>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, userId, cancellationToken);
    }

    /// <summary>
    /// Where an order ships: the buyer's address <paramref name="addressId"/> when one was chosen, else their default,
    /// else their newest; null when the buyer has none (or the chosen one is not theirs).
    /// </summary>
    internal static Task<Address?> ForOrderAsync(SocialStoreDbContext db, string buyerId, long? addressId, CancellationToken ct) =>
        db.Addresses.AsNoTracking().Where(a => a.UserId == buyerId && (addressId == null || a.Id == addressId))
            .OrderByDescending(a => a.IsDefault).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    internal static async Task<IReadOnlyList<Address>> ListAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        await db.Addresses.AsNoTracking().Where(a => a.UserId == userId)
            .OrderByDescending(a => a.IsDefault).ThenByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).ToListAsync(ct);

    public async Task<Address?> FindAsync(string userId, long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Addresses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);
    }

    /// <summary>Adds an address; the first one, or one asked to be, becomes the default.</summary>
    public Task<Address> AddAsync(string userId, AddressInput input, bool makeDefault, CancellationToken cancellationToken)
    {
        EnsureValid(input);
        return DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await LockUserAsync(db, userId, ct);
            var count = await db.Addresses.CountAsync(a => a.UserId == userId, ct);
            if (count >= Address.MaxPerUser) throw new DomainException(CartErrors.AddressTooMany, Address.MaxPerUser);
            var isDefault = makeDefault || count == 0;
            if (isDefault) await ClearDefaultAsync(db, userId, ct);
            var address = new Address { UserId = userId, IsDefault = isDefault, CreatedAt = clock.GetUtcNow() };
            Apply(address, input);
            db.Addresses.Add(address);
            await db.SaveChangesAsync(ct);
            return address;
        }, cancellationToken);
    }

    public Task UpdateAsync(string userId, long id, AddressInput input, bool makeDefault, CancellationToken cancellationToken)
    {
        EnsureValid(input);
        return DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await LockUserAsync(db, userId, ct);
            var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct)
                ?? throw new DomainException(CartErrors.AddressNotFound);
            Apply(address, input);
            if (makeDefault && !address.IsDefault)
            {
                await ClearDefaultAsync(db, userId, ct);
                address.IsDefault = true;
            }
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Makes this the default and every other address of the person not, in one transaction.</summary>
    public Task SetDefaultAsync(string userId, long id, CancellationToken cancellationToken) =>
        DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await LockUserAsync(db, userId, ct);
            if (!await db.Addresses.AnyAsync(a => a.Id == id && a.UserId == userId, ct)) throw new DomainException(CartErrors.AddressNotFound);
            await ClearDefaultAsync(db, userId, ct);
            await db.Addresses.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, true), ct);
            return true;
        }, cancellationToken);

    /// <summary>Deletes an address; when it was the default, the newest remaining one takes over.</summary>
    public Task DeleteAsync(string userId, long id, CancellationToken cancellationToken) =>
        DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await LockUserAsync(db, userId, ct);
            var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct)
                ?? throw new DomainException(CartErrors.AddressNotFound);
            db.Addresses.Remove(address);
            await db.SaveChangesAsync(ct);
            if (address.IsDefault)
            {
                var next = await db.Addresses.Where(a => a.UserId == userId)
                    .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
                if (next is { } nextId) await db.Addresses.Where(a => a.Id == nextId).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, true), ct);
            }
            return true;
        }, cancellationToken);

    private static void EnsureValid(AddressInput input)
    {
        var errors = Validate(input);
        if (errors.Count > 0) throw new DomainException(errors[0].Code, errors[0].Arguments);
    }

    private static void Apply(Address address, AddressInput input)
    {
        address.Recipient = input.Recipient!.Trim();
        address.Mobile = NormaliseMobile(input.Mobile);
        address.Province = input.Province!.Trim();
        address.City = input.City!.Trim();
        address.District = input.District!.Trim();
        address.Detail = input.Detail!.Trim();
    }

    private static Task<int> ClearDefaultAsync(SocialStoreDbContext db, string userId, CancellationToken ct) =>
        db.Addresses.Where(a => a.UserId == userId && a.IsDefault).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, false), ct);

    /// <summary>A no-op update of the user's row: on PostgreSQL it holds the row lock until commit, so one person's address changes run one at a time.</summary>
    private static async Task LockUserAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        if (await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), ct) == 0)
            throw new DomainException(CartErrors.AddressNotFound);
    }
}
