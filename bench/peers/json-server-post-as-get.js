// json-server answers POST on a resource by writing it; the benchmark wants the stored answer served
// as a static stub for the Everest POST, so this middleware (json-server's --middlewares option)
// serves that POST as a read. The body is still read and parsed by json-server's body parser first.
module.exports = (req, _res, next) => {
  if (req.method === 'POST') req.method = 'GET';
  next();
};
