//! Known-answer tests through the crate's own AES-256-GCM and HMAC-SHA256
//! wrappers, the same code paths that seal tenant data and hash participants.
//! Every vector was cross-checked against an independent implementation
//! (Python `cryptography`) before being committed.

use kataloop_crypto::{aes256gcm_open_with_nonce, aes256gcm_seal_with_nonce, hmac_sha256};

fn hex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2), "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

struct GcmVector {
    source: &'static str,
    key: &'static str,
    iv: &'static str,
    aad: &'static str,
    pt: &'static str,
    ct: &'static str,
    tag: &'static str,
}

/// AES-256, 96-bit IV, 128-bit tag, non-empty AAD.
const GCM_VECTORS: &[GcmVector] = &[
    GcmVector {
        source: "McGrew-Viega GCM spec, test case 16",
        key: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
        iv: "cafebabefacedbaddecaf888",
        aad: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
        pt: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
             1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
        ct: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
             8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
        tag: "76fc6ece0f4e1768cddf8853bb2d551b",
    },
    GcmVector {
        source: "NIST CAVP gcmEncryptExtIV256.rsp, PTlen=128 AADlen=128, Count=0",
        key: "92e11dcdaa866f5ce790fd24501f92509aacf4cb8b1339d50c9c1240935dd08b",
        iv: "ac93a1a6145299bde902f21a",
        aad: "1e0889016f67601c8ebea4943bc23ad6",
        pt: "2d71bcfa914e4ac045b2aa60955fad24",
        ct: "8995ae2e6df3dbf96fac7b7137bae67f",
        tag: "eca5aa77d51d4a0a14d9c51e1da474ab",
    },
    GcmVector {
        source: "NIST CAVP gcmDecrypt256.rsp, PTlen=128 AADlen=128, Count=0",
        key: "54e352ea1d84bfe64a1011096111fbe7668ad2203d902a01458c3bbd85bfce14",
        iv: "df7c3bca00396d0c018495d9",
        aad: "7e968d71b50c1f11fd001f3fef49d045",
        pt: "85fc3dfad9b5a8d3258e4fc44571bd3b",
        ct: "426e0efc693b7be1f3018db7ddbb7e4d",
        tag: "ee8257795be6a1164d7e1d2d6cac77a7",
    },
    GcmVector {
        source: "NIST CAVP gcmDecrypt256.rsp, PTlen=128 AADlen=128, Count=1",
        key: "82f0d1ddc58123f805541f55a7eab43f56ddfefc06c73d57709df3d5a4aabfb3",
        iv: "0c9d74af29ed4406c77a8e4b",
        aad: "34325620a392739beeee6c370967d539",
        pt: "3fe7811a8224a1881da34a27e03da86a",
        ct: "c61155d41495e9fc76060fe7f8c926a2",
        tag: "66d8c881d66370504d2bf00cdb06259e",
    },
    GcmVector {
        source: "NIST CAVP gcmDecrypt256.rsp, PTlen=128 AADlen=128, Count=3",
        key: "562a865ddc042577284b34b6cd267aa3e9adedf6b8a9e2490d5519eaea3daccc",
        iv: "f20e5db286f3ee11835a5103",
        aad: "c638e57814cd44f8af9730208f5464d5",
        pt: "7e59320cc09d1ccfb49f7c90e81326dc",
        ct: "ae62b52018c253be2463ff235cd3ff1d",
        tag: "6e481954d30c503ce6d448fda4116578",
    },
];

fn array<const N: usize>(s: &str) -> [u8; N] {
    hex(s).try_into().unwrap()
}

/// The AES-256-GCM wrapper produces the published ciphertext and tag.
#[test]
fn aes256gcm_seal_matches_published_vectors() {
    for v in GCM_VECTORS {
        let sealed =
            aes256gcm_seal_with_nonce(&array(v.key), &array(v.iv), &hex(v.aad), &hex(v.pt))
                .unwrap();
        let mut expected = hex(v.ct);
        expected.extend(hex(v.tag));
        assert_eq!(sealed, expected, "{}", v.source);
    }
}

/// The wrapper opens the published ciphertext to the published plaintext,
/// and refuses it once the tag, ciphertext or AAD is changed.
#[test]
fn aes256gcm_open_matches_published_vectors_and_refuses_changes() {
    for v in GCM_VECTORS {
        let (key, iv, aad) = (array(v.key), array(v.iv), hex(v.aad));
        let mut sealed = hex(v.ct);
        sealed.extend(hex(v.tag));
        assert_eq!(
            aes256gcm_open_with_nonce(&key, &iv, &aad, &sealed).unwrap(),
            hex(v.pt),
            "{}",
            v.source
        );
        let last = sealed.len() - 1;
        for flip in [0, last] {
            let mut bad = sealed.clone();
            bad[flip] ^= 1;
            assert!(
                aes256gcm_open_with_nonce(&key, &iv, &aad, &bad).is_err(),
                "{}",
                v.source
            );
        }
        let mut bad_aad = aad.clone();
        bad_aad[0] ^= 0x80;
        assert!(
            aes256gcm_open_with_nonce(&key, &iv, &bad_aad, &sealed).is_err(),
            "{}",
            v.source
        );
    }
}

/// A vector that NIST marks FAIL (forged tag) is refused.
#[test]
fn aes256gcm_refuses_nist_fail_vector() {
    // gcmDecrypt256.rsp, PTlen=128 AADlen=128, Count=2 (FAIL).
    let key = array("9a0343f850a6427120f764789ffec6d237447b898fbf51d2182f065d3861497d");
    let iv = array("3deef6f453dd70d92143adcd");
    let aad = hex("dbb8226a624520863db6897017b2a4f8");
    let mut sealed = hex("e93165935ac18e3a2845d15fe31a9286");
    sealed.extend(hex("f5fc50d18766bc3d9e16dd136d45816b"));
    assert!(aes256gcm_open_with_nonce(&key, &iv, &aad, &sealed).is_err());
}

/// RFC 4231 HMAC-SHA256 test cases 1–4, 6 and 7 (case 5 tests a truncated
/// output, which this wrapper never produces).
#[test]
fn hmac_sha256_matches_rfc4231() {
    let cases: [(Vec<u8>, Vec<u8>, &str); 6] = [
        (
            vec![0x0b; 20],
            b"Hi There".to_vec(),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        ),
        (
            b"Jefe".to_vec(),
            b"what do ya want for nothing?".to_vec(),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        ),
        (
            vec![0xaa; 20],
            vec![0xdd; 50],
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        ),
        (
            (1u8..=25).collect(),
            vec![0xcd; 50],
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        ),
        (
            vec![0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        ),
        (
            vec![0xaa; 131],
            b"This is a test using a larger than block-size key and a larger than \
              block-size data. The key needs to be hashed before being used by the \
              HMAC algorithm."
                .to_vec(),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        ),
    ];
    for (i, (key, msg, expected)) in cases.iter().enumerate() {
        assert_eq!(
            hmac_sha256(key, msg).to_vec(),
            hex(expected),
            "RFC 4231 case {}",
            i + 1
        );
    }
}
