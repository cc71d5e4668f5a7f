import { RouteTable } from './route-table';

describe('RouteTable', () => {
  it('lists the methods a concrete path is served under', () => {
    const routes = new RouteTable();
    routes.add(['GET', 'HEAD'], '/users/:user_id');
    routes.add('PUT', '/user');
    routes.add('GET', '/user');
    routes.add('DELETE', '/mentorship_relation/:id');
    expect(routes.methodsFor('/users/5')).toEqual(['GET']);
    expect(routes.methodsFor('/user/').sort()).toEqual(['GET', 'PUT']);
    expect(routes.methodsFor('/mentorship_relation/9')).toEqual(['DELETE']);
    expect(routes.methodsFor('/users/5/extra')).toEqual([]);
  });
});
