//! Enterprises as consumers meet them: whether a business settles complaints online (ODR).

pub mod odr;
